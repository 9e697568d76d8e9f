import fc from 'fast-check';
import { LIFECYCLE_STAGES } from '../asset/constants';
import type { Asset } from '../asset/types';
import { anAsset } from '../testing/fixtures';
import { assessItamMaturity } from './itamMaturity';
import type { MaturityInput } from './maturityEvidence';
import { DEFAULT_MATURITY_MODEL } from './maturityModel';

const complete = { purchase: { date: '2024-01-15' }, warrantyEnd: '2027-01-15', endOfLife: '2029-01-15' };
const asOf = '2026-06-30';

/** Ten hardware assets (eight deployed) with the evidence of a "Defined" practice. */
function definedEstate(): MaturityInput {
  const ids = Array.from({ length: 10 }, (_, i) => `hw-${i}`);
  const assets: Asset[] = ids.map((id, i) =>
    anAsset({
      id,
      lifecycleStage: i < 8 ? 'deployed' : 'in-stock',
      owner: i < 9 ? 'group:default/sre' : undefined,
      ...(i < 7 ? complete : { purchase: { date: '2024-01-15' } }),
    }),
  );
  return {
    asOf,
    assets: [...assets, anAsset({ id: 'old', lifecycleStage: 'disposed', owner: undefined })],
    entityLinks: ids.slice(0, 5).map(assetId => ({ assetId })),
    ticketLinks: ids.slice(0, 2).map(assetId => ({ assetId })),
    audits: [
      { id: 'h1', completedAt: '2026-03-01T12:00:00Z', verifiedAssetIds: ids.slice(0, 6), notFoundAssetIds: ['hw-9'], unexpectedCount: 0 },
      // Too old to count, and after the assessment date: neither counts.
      { id: 'old', completedAt: '2025-06-29', verifiedAssetIds: ids, notFoundAssetIds: [], unexpectedCount: 0 },
      { id: 'future', completedAt: '2026-07-01', verifiedAssetIds: ids, notFoundAssetIds: [], unexpectedCount: 0 },
    ],
    licensing: {
      productsUnderManagement: ['office', 'sql-server', 'oracle-db'],
      positions: [
        { productId: 'office', compliant: true },
        { productId: 'sql-server', compliant: false },
      ],
    },
  };
}

describe('assessItamMaturity', () => {
  it('places an empty register at Initial, saying nothing can be measured yet', () => {
    const a = assessItamMaturity({ asOf, assets: [] });
    expect(a).toMatchObject({ level: 1, name: 'Initial' });
    expect(a.next?.level).toBe(2);
    expect(a.next?.missing.map(g => [g.criterion, g.measured, g.needed])).toEqual([
      ['owner-coverage', null, null],
      ['lifecycle-data-completeness', null, null],
    ]);
    expect(a.next?.missing[0].message).toBe(
      'Owner coverage cannot be measured (no assets under management); level 2 needs at least 50.0%',
    );
  });

  it('measures each criterion and lists exactly what the next level needs', () => {
    const a = assessItamMaturity(definedEstate());
    expect(a).toMatchObject({ level: 3, name: 'Defined' });
    const measured = Object.fromEntries(a.criteria.map(c => [c.criterion, [c.numerator, c.denominator]]));
    expect(measured).toEqual({
      'owner-coverage': [9, 10],
      'lifecycle-data-completeness': [7, 10],
      'audit-recency': [6, 10],
      'audit-accuracy': [6, 7],
      'licence-reconciliation-coverage': [2, 3],
      'ticket-integration': [2, 8],
      'catalogue-integration': [5, 8],
    });
    expect(a.criteria[0]).toMatchObject({
      name: 'Owner coverage',
      value: 0.9,
      thresholds: { 2: 0.5, 3: 0.8, 4: 0.95, 5: 0.99 },
      lackingCount: 1,
      lacking: ['hw-9'],
    });
    expect(a.next?.level).toBe(4);
    expect(a.next?.missing.map(g => [g.criterion, g.threshold, g.needed])).toEqual([
      ['owner-coverage', 0.95, 1],
      ['lifecycle-data-completeness', 0.85, 2],
      ['audit-recency', 0.8, 2],
      ['audit-accuracy', 0.9, null],
      ['licence-reconciliation-coverage', 0.8, 1],
      ['ticket-integration', 0.5, 2],
      ['catalogue-integration', 0.8, 2],
    ]);
    const licence = a.next!.missing[4];
    expect(licence.lacking).toEqual(['oracle-db']);
    expect(licence.message).toBe(
      'Licence reconciliation coverage is 66.7% (2 of 3); level 4 needs at least 80.0%: ' +
        '1 more product(s) under management need a reconciled licence position',
    );
  });

  it('reaches Optimised when the evidence is complete, with nothing next', () => {
    const estate = definedEstate();
    const assets = estate.assets.map(a => (a.lifecycleStage === 'disposed' ? a : { ...a, ...complete, owner: 'group:default/sre' }));
    const ids = assets.filter(a => a.lifecycleStage !== 'disposed').map(a => a.id);
    const a = assessItamMaturity({
      ...estate,
      assets,
      entityLinks: ids.map(assetId => ({ assetId })),
      ticketLinks: ids.map(assetId => ({ assetId })),
      audits: [{ id: 'full', completedAt: '2026-06-30T08:00:00Z', verifiedAssetIds: ids, notFoundAssetIds: [], unexpectedCount: 0 }],
      licensing: { productsUnderManagement: ['office'], positions: [{ productId: 'office', compliant: false }] },
    });
    expect(a).toMatchObject({ level: 5, name: 'Optimised', next: null });
  });

  it('follows overridden thresholds, and a level needs every level below it', () => {
    const estate = definedEstate();
    expect(assessItamMaturity(estate, { model: { thresholds: { 2: { 'owner-coverage': 1 } } } }).level).toBe(1);
    const relaxed = assessItamMaturity(estate, {
      model: {
        thresholds: {
          4: { 'owner-coverage': 0.9, 'lifecycle-data-completeness': 0.7, 'audit-recency': 0.6, 'audit-accuracy': null },
        },
      },
    });
    expect(relaxed.next?.missing.map(g => g.criterion)).toEqual([
      'licence-reconciliation-coverage',
      'ticket-integration',
      'catalogue-integration',
    ]);
  });

  it('a longer audit look-back counts older audits', () => {
    const a = assessItamMaturity(definedEstate(), { model: { auditLookbackDays: 400 } });
    expect(a.criteria.find(c => c.criterion === 'audit-recency')).toMatchObject({ numerator: 10, denominator: 10 });
  });

  it('caps the lacking ids listed but not the count', () => {
    const assets = Array.from({ length: 30 }, (_, i) => anAsset({ id: `a${String(i).padStart(2, '0')}`, owner: undefined }));
    const a = assessItamMaturity({ asOf, assets }, { maxLacking: 3 });
    expect(a.criteria[0]).toMatchObject({ lackingCount: 30, lacking: ['a00', 'a01', 'a02'] });
  });

  it('refuses a bad assessment date', () => {
    expect(() => assessItamMaturity({ asOf: '30/06/2026', assets: [] })).toThrow('asOf: must be a real calendar date');
  });

  it('is consistent: the level met, the next level not, and each gap closed by exactly `needed` more', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const arb = fc.record({
      assets: fc.array(
        fc.record({
          id: fc.constantFrom(...ids),
          stage: fc.constantFrom(...LIFECYCLE_STAGES),
          owner: fc.boolean(),
          complete: fc.boolean(),
          assetClass: fc.constantFrom('hardware' as const, 'software' as const, 'information' as const),
        }),
        { maxLength: 12 },
      ),
      linked: fc.subarray(ids),
      ticketed: fc.subarray(ids),
      verified: fc.subarray(ids),
      notFound: fc.subarray(ids),
      products: fc.subarray(['p1', 'p2', 'p3', 'p4']),
      positioned: fc.subarray(['p1', 'p2', 'p3', 'p4']),
    });
    fc.assert(
      fc.property(arb, r => {
        const a = assessItamMaturity({
          asOf,
          assets: r.assets.map(x =>
            anAsset({
              id: x.id,
              lifecycleStage: x.stage,
              assetClass: x.assetClass,
              owner: x.owner ? 'user:default/jane' : undefined,
              ...(x.complete ? { ...complete, endOfSupport: '2030-01-01' } : {}),
            }),
          ),
          entityLinks: r.linked.map(assetId => ({ assetId })),
          ticketLinks: r.ticketed.map(assetId => ({ assetId })),
          audits: [{ id: 'x', completedAt: '2026-05-01', verifiedAssetIds: r.verified, notFoundAssetIds: r.notFound, unexpectedCount: 0 }],
          licensing: { productsUnderManagement: r.products, positions: r.positioned.map(productId => ({ productId, compliant: true })) },
        });
        const byId = Object.fromEntries(a.criteria.map(c => [c.criterion, c]));
        for (let level = 2; level <= a.level; level++) {
          for (const [criterion, t] of Object.entries(DEFAULT_MATURITY_MODEL.thresholds[level as 2 | 3 | 4 | 5])) {
            expect(byId[criterion].value).not.toBeNull();
            expect(byId[criterion].value).toBeGreaterThanOrEqual(t!);
          }
        }
        if (a.level < 5) expect(a.next!.missing.length).toBeGreaterThan(0);
        for (const gap of a.next?.missing ?? []) {
          expect(gap.measured === null || gap.measured < gap.threshold).toBe(true);
          if (gap.needed !== null) {
            expect((gap.numerator + gap.needed) / gap.denominator).toBeGreaterThanOrEqual(gap.threshold);
            expect((gap.numerator + gap.needed - 1) / gap.denominator).toBeLessThan(gap.threshold);
          }
        }
      }),
    );
  });
});
