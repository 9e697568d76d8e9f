import type { DateWindow } from '../finance/dateWindow';

/**
 * Identifiers of the KPIs (docs/domain/kpis.md), stable for APIs and UIs.
 *
 * @public
 */
export const KPI_IDS = [
  'asset-utilisation-rate',
  'cost-per-asset',
  'licence-compliance-rate',
  'asset-lifecycle-value',
  'asset-failure-incident-rate',
  'asset-turnover-rate',
  'register-accuracy',
] as const;
/** @public */
export type KpiId = (typeof KPI_IDS)[number];

/**
 * What a KPI is, independent of any data: so a UI can list and explain KPIs before computing.
 *
 * @public
 */
export interface KpiDefinition {
  id: KpiId;
  name: string;
  /** Unit of the value, e.g. `ratio`; for money, the currency code is filled in on the result. */
  unit: string;
  /** The formula in words, including what is counted and what is not. */
  definition: string;
}

/**
 * A KPI computed for a window.
 *
 * The value is `numerator ÷ denominator` (rounded to the minor unit for money). When it cannot be
 * computed — a zero denominator, or the data it needs was not supplied — `value` is `null` and
 * `reason` says why; it is never `NaN` or infinite.
 *
 * @public
 */
export interface KpiResult extends KpiDefinition {
  value: number | null;
  numerator: number;
  denominator: number;
  window: DateWindow;
  /** Present exactly when `value` is null. */
  reason?: string;
}

/**
 * Builds a KPI result from a numerator and denominator; a zero denominator gives `value: null`
 * with `zeroReason`.
 *
 * @public
 */
export function kpiResult(
  definition: KpiDefinition,
  window: DateWindow,
  numerator: number,
  denominator: number,
  zeroReason: string,
  value: (n: number, d: number) => number = (n, d) => n / d,
): KpiResult {
  const base = { ...definition, numerator, denominator, window: { from: window.from, to: window.to } };
  return denominator === 0
    ? { ...base, value: null, reason: zeroReason }
    : { ...base, value: value(numerator, denominator) };
}

/**
 * A KPI that could not be computed because its data was not supplied.
 *
 * @public
 */
export function unavailableKpi(definition: KpiDefinition, window: DateWindow, reason: string): KpiResult {
  return { ...definition, value: null, numerator: 0, denominator: 0, window: { from: window.from, to: window.to }, reason };
}
