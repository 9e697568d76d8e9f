import fc from 'fast-check';
import { LIFECYCLE_STAGES } from '../asset/constants';
import { anAsset } from '../testing/fixtures';
import { computeKpis, KPI_DEFINITIONS, kpisFromFacts, summariseKpiInput, type KpiInput } from './computeKpis';
import { KPI_IDS } from './kpiResult';

const window = { from: '2026-01-01', to: '2026-03-31' };

describe('computeKpis', () => {
  it('returns every KPI in the documented order, each with its definition and window', () => {
    const results = computeKpis({ window, assets: [anAsset({ lifecycleStage: 'deployed' })] });
    expect(results.map(r => r.id)).toEqual([...KPI_IDS]);
    expect(KPI_DEFINITIONS.map(d => d.id)).toEqual([...KPI_IDS]);
    for (const r of results) {
      expect(r.window).toEqual(window);
      expect(r.definition.length).toBeGreaterThan(40);
    }
  });

  it('says which data was not supplied instead of inventing zeros', () => {
    const results = computeKpis({ window, assets: [anAsset({ lifecycleStage: 'deployed' })] });
    expect(results.map(r => [r.id, r.value, r.reason])).toEqual([
      ['asset-utilisation-rate', 1, undefined],
      ['cost-per-asset', null, 'no cost data supplied'],
      ['licence-compliance-rate', null, 'no licence positions supplied'],
      ['asset-lifecycle-value', null, 'no lifecycle events supplied'],
      ['asset-failure-incident-rate', null, 'no ticket links supplied'],
      ['asset-turnover-rate', null, 'no lifecycle events supplied'],
      ['register-accuracy', null, 'no audit results supplied'],
    ]);
  });

  it('on an empty register with empty data, every KPI is null with a reason', () => {
    const results = computeKpis({
      window,
      assets: [],
      ticketLinks: [],
      audits: [],
      licencePositions: [],
      lifecycleEvents: [],
      costs: { currency: 'EUR', assets: [] },
    });
    for (const r of results) {
      expect(r.value).toBeNull();
      expect(r.reason).toEqual(expect.any(String));
      expect(r.denominator).toBe(0);
    }
  });

  const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
  const dayArb = fc.integer({ min: -60, max: 150 }).map(n => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString());
  const inputArb: fc.Arbitrary<KpiInput> = fc.record({
    window: fc.constant(window),
    assets: fc.array(
      fc.record({ id: fc.constantFrom(...ids), stage: fc.constantFrom(...LIFECYCLE_STAGES), purchase: fc.boolean(), eol: fc.boolean() }).map(a =>
        anAsset({
          id: a.id,
          lifecycleStage: a.stage,
          ...(a.purchase ? { purchase: { date: '2024-01-01', cost: 100, currency: 'EUR' } } : {}),
          ...(a.eol ? { endOfLife: '2027-01-01' } : {}),
        }),
      ),
      { maxLength: 8 },
    ),
    ticketLinks: fc.array(
      fc.record({
        assetId: fc.constantFrom(...ids),
        site: fc.constant('acme.atlassian.net'),
        issueKey: fc.constantFrom('OPS-1', 'OPS-2', 'OPS-3'),
        ticketType: fc.constantFrom('incident' as const, 'change' as const),
        createdAt: dayArb,
      }),
      { maxLength: 10 },
    ),
    audits: fc.array(
      fc.record({
        id: fc.constantFrom('x', 'y'),
        completedAt: dayArb,
        verifiedAssetIds: fc.subarray(ids),
        notFoundAssetIds: fc.subarray(ids),
        unexpectedCount: fc.nat(3),
      }),
      { maxLength: 3 },
    ),
    licencePositions: fc.uniqueArray(fc.record({ productId: fc.constantFrom('p1', 'p2', 'p3'), compliant: fc.boolean() }), {
      selector: p => p.productId,
    }),
    lifecycleEvents: fc.array(
      fc.record({
        assetId: fc.constantFrom(...ids, 'gone'),
        at: dayArb,
        transition: fc.record({ from: fc.constantFrom(...LIFECYCLE_STAGES), to: fc.constantFrom(...LIFECYCLE_STAGES) }),
      }),
      { maxLength: 10 },
    ),
    costs: fc.constant({
      currency: 'EUR',
      assets: ids.map(id => ({ assetId: id, currency: 'EUR', items: [{ category: 'support' as const, amount: 10, currency: 'EUR', date: '2026-02-01' }] })),
    }),
  });

  it('never yields NaN or infinity; rates stay within [0, 1]; null exactly when a reason is given', () => {
    const rates = new Set(['asset-utilisation-rate', 'licence-compliance-rate', 'asset-turnover-rate', 'register-accuracy']);
    fc.assert(
      fc.property(inputArb, input => {
        for (const r of computeKpis(input)) {
          expect((r.value === null) === (r.reason !== undefined)).toBe(true);
          expect(Number.isFinite(r.numerator) && Number.isFinite(r.denominator)).toBe(true);
          if (r.value !== null) {
            expect(Number.isFinite(r.value)).toBe(true);
            expect(r.value).toBeGreaterThanOrEqual(0);
            if (rates.has(r.id)) expect(r.value).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });
});

describe('kpisFromFacts', () => {
  it('computes each KPI from its counts, and says which facts are missing', () => {
    const results = kpisFromFacts({
      window,
      underManagement: 4,
      deployed: 3,
      cost: { currency: 'EUR', totalMinor: 1001n },
      retirements: [
        { assetId: 'a', retiredDay: 20_500, underManagement: false, purchaseDay: 20_000, endOfLifeDay: 21_000 },
        { assetId: 'b', retiredDay: 20_600, underManagement: true },
      ],
    });
    expect(results.map(r => [r.id, r.numerator, r.denominator, r.value])).toEqual([
      ['asset-utilisation-rate', 3, 4, 0.75],
      ['cost-per-asset', 10.01, 4, 2.5],
      ['licence-compliance-rate', 0, 0, null],
      ['asset-lifecycle-value', 500, 1000, 0.5],
      ['asset-failure-incident-rate', 0, 0, null],
      ['asset-turnover-rate', 2, 5, 0.4],
      ['register-accuracy', 0, 0, null],
    ]);
  });

  it('agrees with computeKpis on the facts summariseKpiInput gathers', () => {
    const input: KpiInput = {
      window,
      assets: [anAsset({ id: 'x', lifecycleStage: 'deployed' }), anAsset({ id: 'y', lifecycleStage: 'retired' })],
      lifecycleEvents: [{ assetId: 'y', at: '2026-02-01T10:00:00Z', transition: { from: 'deployed', to: 'retired' } }],
      ticketLinks: [{ assetId: 'x', site: 's', issueKey: 'K-1', ticketType: 'incident', createdAt: '2026-02-02' }],
    };
    expect(kpisFromFacts(summariseKpiInput(input))).toEqual(computeKpis(input));
  });
});
