import type { KpiResult } from '@itam/common';
import { formatNumber, formatPercent } from '../../utils/formatAmounts';
import { formatMoney } from '../../utils/money';

/** How a KPI's value reads: a share, an amount of money, or a rate per asset. */
export type KpiFormat = 'percent' | 'money' | 'rate';

interface KpiWording {
  format: KpiFormat;
  /** Numerator and denominator in words, e.g. "12 deployed of 16 under management". */
  basis: (numerator: string, denominator: string) => string;
  /** Whether the numerator is days or money rather than a count. */
  numerator?: 'days' | 'money';
  /** Words after a rate's value, e.g. "per asset". */
  rateUnit?: string;
}

// Keyed by the stable KPI ids of common, so the wording follows what each formula counts.
const WORDING: Record<string, KpiWording> = {
  'asset-utilisation-rate': { format: 'percent', basis: (n, d) => `${n} deployed of ${d} under management` },
  'cost-per-asset': {
    format: 'money',
    numerator: 'money',
    basis: (n, d) => `${n} total cost of ownership ÷ ${d} assets under management`,
  },
  'licence-compliance-rate': { format: 'percent', basis: (n, d) => `${n} compliant of ${d} products reconciled` },
  'asset-lifecycle-value': {
    format: 'percent',
    numerator: 'days',
    basis: (n, d) => `${n} days served of ${d} days planned`,
  },
  'asset-failure-incident-rate': {
    format: 'rate',
    rateUnit: 'incidents per asset',
    basis: (n, d) => `${n} incidents ÷ ${d} assets under management`,
  },
  'asset-turnover-rate': { format: 'percent', basis: (n, d) => `${n} retired of ${d} under management` },
  'register-accuracy': { format: 'percent', basis: (n, d) => `${n} verified of ${d} checked by audits` },
};

/** The currency of a money KPI: common fills it into the unit (`EUR per asset`). */
export function kpiCurrency(kpi: Pick<KpiResult, 'unit'>): string | undefined {
  return /^([A-Z]{3}) /.exec(kpi.unit)?.[1];
}

/** A KPI the dashboard has no wording for (a newer backend): judged by its unit. */
function fallbackWording(kpi: KpiResult): KpiWording {
  if (kpiCurrency(kpi)) return { format: 'money', numerator: 'money', basis: (n, d) => `${n} ÷ ${d}` };
  if (kpi.unit.startsWith('ratio')) return { format: 'percent', basis: (n, d) => `${n} of ${d}` };
  return { format: 'rate', rateUnit: kpi.unit, basis: (n, d) => `${n} ÷ ${d}` };
}

function wordingOf(kpi: KpiResult): KpiWording {
  return WORDING[kpi.id] ?? fallbackWording(kpi);
}

/** How a KPI's value is formatted. */
export function kpiFormat(kpi: KpiResult): KpiFormat {
  return wordingOf(kpi).format;
}

/** A value of `kpi` in words: `75%`, `€1,250.00`, `0.13 incidents per asset`. */
export function formatKpiValue(kpi: KpiResult, value: number): string {
  const wording = wordingOf(kpi);
  if (wording.format === 'percent') return formatPercent(value);
  if (wording.format === 'money') return formatMoney(value, kpiCurrency(kpi));
  return `${formatNumber(value)} ${wording.rateUnit}`;
}

/** What the value was computed from, e.g. "12 deployed of 16 under management". */
export function kpiBasis(kpi: KpiResult): string {
  const wording = wordingOf(kpi);
  const numerator =
    wording.numerator === 'money' ? formatMoney(kpi.numerator, kpiCurrency(kpi)) : formatNumber(kpi.numerator);
  return wording.basis(numerator, formatNumber(kpi.denominator));
}

/**
 * The number a chart plots for a value: percentages as 0–100 so axis ticks read naturally,
 * everything else as it is.
 */
export function chartValue(kpi: KpiResult, value: number): number {
  return kpiFormat(kpi) === 'percent' ? Math.round(value * 1000) / 10 : value;
}

/** An axis tick of a chart of `kpi` (the tick is a {@link chartValue}). */
export function formatAxisTick(kpi: KpiResult, tick: number): string {
  const format = kpiFormat(kpi);
  if (format === 'percent') return `${formatNumber(tick, 1)}%`;
  return formatNumber(tick);
}
