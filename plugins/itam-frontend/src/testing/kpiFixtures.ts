import {
  KPI_DEFINITIONS,
  MATURITY_LEVELS,
  type KpiId,
  type KpiReport,
  type KpiResult,
  type MaturityAssessment,
} from '@itam/common';

/** Numerator and denominator of each KPI in {@link aKpiReport}; values follow from them. */
const SAMPLE: Record<KpiId, { numerator: number; denominator: number }> = {
  'asset-utilisation-rate': { numerator: 12, denominator: 16 },
  'cost-per-asset': { numerator: 20000, denominator: 16 },
  'licence-compliance-rate': { numerator: 9, denominator: 10 },
  'asset-lifecycle-value': { numerator: 1096, denominator: 1461 },
  'asset-failure-incident-rate': { numerator: 2, denominator: 16 },
  'asset-turnover-rate': { numerator: 4, denominator: 20 },
  'register-accuracy': { numerator: 45, denominator: 50 },
};

const WINDOW = { from: '2026-01-01', to: '2026-03-31' };

/**
 * One KPI result as common computes it, from its definition; `numerator`/`denominator` decide the
 * value unless `value` is given. Cost per asset is in EUR.
 */
export function aKpi(id: KpiId, overrides: Partial<KpiResult> = {}): KpiResult {
  const definition = KPI_DEFINITIONS.find(d => d.id === id)!;
  const { numerator, denominator } = { ...SAMPLE[id], ...overrides };
  const unit = id === 'cost-per-asset' ? 'EUR per asset' : definition.unit;
  return {
    ...definition,
    unit,
    numerator,
    denominator,
    value: denominator === 0 ? null : numerator / denominator,
    window: WINDOW,
    ...overrides,
  };
}

/** A KPI that could not be computed, with the reason common gives. */
export function aMissingKpi(id: KpiId, reason: string): KpiResult {
  return aKpi(id, { value: null, numerator: 0, denominator: 0, reason });
}

/** A KPI report with all seven KPIs (see `SAMPLE`); override the window or single KPIs. */
export function aKpiReport(
  overrides: Partial<Omit<KpiReport, 'kpis'>> & { kpis?: Partial<Record<KpiId, KpiResult>> } = {},
): KpiReport {
  const window = overrides.window ?? WINDOW;
  return {
    window,
    currency: 'EUR',
    assetsWithOtherCurrency: 0,
    assetsWithUndatedCost: 0,
    ...overrides,
    kpis: KPI_DEFINITIONS.map(d => ({ ...(overrides.kpis?.[d.id] ?? aKpi(d.id)), window })),
  };
}

/** A maturity assessment at level 2 (Repeatable), missing two requirements of level 3. */
export function aMaturityAssessment(overrides: Partial<MaturityAssessment> = {}): MaturityAssessment {
  return {
    asOf: '2026-03-31',
    level: 2,
    name: MATURITY_LEVELS[1].name,
    summary: MATURITY_LEVELS[1].summary,
    criteria: [
      {
        criterion: 'owner-coverage',
        name: 'Owner coverage',
        value: 0.9,
        numerator: 18,
        denominator: 20,
        thresholds: { 2: 0.5, 3: 0.8, 4: 0.95, 5: 0.99 },
        lackingCount: 2,
        lacking: ['a7', 'a9'],
      },
      {
        criterion: 'audit-recency',
        name: 'Audit recency',
        value: 0.25,
        numerator: 5,
        denominator: 20,
        thresholds: { 3: 0.5, 4: 0.8, 5: 0.95 },
        lackingCount: 15,
        lacking: ['a1'],
      },
      {
        criterion: 'catalogue-integration',
        name: 'Catalogue integration',
        value: 0.4,
        numerator: 8,
        denominator: 20,
        thresholds: { 3: 0.5, 4: 0.8, 5: 0.95 },
        lackingCount: 12,
        lacking: ['a2'],
      },
    ],
    next: {
      level: 3,
      name: MATURITY_LEVELS[2].name,
      missing: [
        {
          criterion: 'audit-recency',
          name: 'Audit recency',
          measured: 0.25,
          threshold: 0.5,
          numerator: 5,
          denominator: 20,
          needed: 5,
          lackingCount: 15,
          lacking: ['a1'],
          message:
            'Audit recency is 25.0% (5 of 20); level 3 needs at least 50.0%: 5 more asset(s) under management need verifying by an audit within 365 days',
        },
        {
          criterion: 'catalogue-integration',
          name: 'Catalogue integration',
          measured: 0.4,
          threshold: 0.5,
          numerator: 8,
          denominator: 20,
          needed: 2,
          lackingCount: 12,
          lacking: ['a2'],
          message:
            'Catalogue integration is 40.0% (8 of 20); level 3 needs at least 50.0%: 2 more asset(s) in service need a link to a catalogue entity',
        },
      ],
    },
    ...overrides,
  };
}
