import { anAsset } from '../testing/fixtures';
import { assessItamMaturity, assessMaturityFromFacts } from './itamMaturity';
import { lifecycleFactBits, measureMaturityEvidence, requiredLifecycleBits, summariseMaturityInput } from './maturityEvidence';
import { DEFAULT_MATURITY_MODEL, resolveMaturityModel } from './maturityModel';

const asOf = '2026-06-30';

describe('measureMaturityEvidence', () => {
  it('requires the lifecycle facts of each class, and leaves classes requiring none out', () => {
    const m = measureMaturityEvidence(
      {
        asOf,
        assets: [
          anAsset({ id: 'hw', assetClass: 'hardware', purchase: { date: '2024-01-01' }, endOfLife: '2029-01-01' }), // no warranty end
          anAsset({ id: 'sw', assetClass: 'software', purchase: { date: '2024-01-01' }, endOfSupport: '2027-01-01' }),
          anAsset({ id: 'data', assetClass: 'information' }),
        ],
      },
      DEFAULT_MATURITY_MODEL,
    );
    expect(m['lifecycle-data-completeness']).toEqual({
      criterion: 'lifecycle-data-completeness',
      value: 0.5,
      numerator: 1,
      denominator: 2,
      lackingCount: 1,
      lacking: ['hw'],
    });
  });

  it('stores lifecycle facts as bits, and counts completeness on the bits each class requires', () => {
    expect(lifecycleFactBits(anAsset({ purchase: { date: '2024-01-01' }, endOfLife: '2029-01-01' }))).toBe(0b0101);
    expect(lifecycleFactBits(anAsset({ warrantyEnd: '2027-01-01', endOfSupport: '2028-01-01' }))).toBe(0b1010);
    expect(requiredLifecycleBits(DEFAULT_MATURITY_MODEL, 'hardware')).toBe(0b0111);
    expect(requiredLifecycleBits(DEFAULT_MATURITY_MODEL, 'information')).toBe(0);
  });

  it('lists at most maxLacking ids by id, with complete counts, and assesses the same from the counted facts', () => {
    const input = {
      asOf,
      assets: ['d', 'a', 'c', 'b', 'e'].map(id => anAsset({ id, lifecycleStage: 'deployed' as const, owner: id === 'e' ? 'user:default/jane' : undefined })),
    };
    const facts = summariseMaturityInput(input, DEFAULT_MATURITY_MODEL, 2);
    expect(facts.ownerCoverage).toEqual({ population: 5, lackingCount: 4, lacking: ['a', 'b'] });
    expect(facts.catalogueIntegration).toEqual({ population: 5, lackingCount: 5, lacking: ['a', 'b'] });
    expect(assessMaturityFromFacts(facts, { maxLacking: 2 })).toEqual(assessItamMaturity(input, { maxLacking: 2 }));
    const owner = assessItamMaturity(input, { maxLacking: 2 }).criteria.find(c => c.criterion === 'owner-coverage')!;
    expect(owner).toMatchObject({ numerator: 1, denominator: 5, lackingCount: 4, lacking: ['a', 'b'] });
  });

  it('measures integration on assets in service only, and audits within the look-back only', () => {
    const m = measureMaturityEvidence(
      {
        asOf,
        assets: [
          anAsset({ id: 'up', lifecycleStage: 'deployed' }),
          anAsset({ id: 'fix', lifecycleStage: 'maintenance' }),
          anAsset({ id: 'spare', lifecycleStage: 'in-stock' }),
        ],
        entityLinks: [{ assetId: 'up' }, { assetId: 'spare' }],
        ticketLinks: [{ assetId: 'fix' }, { assetId: 'fix' }],
        audits: [
          { id: 'recent', completedAt: '2026-01-10', verifiedAssetIds: ['spare'], notFoundAssetIds: [], unexpectedCount: 2 },
          { id: 'stale', completedAt: '2024-01-10', verifiedAssetIds: ['up'], notFoundAssetIds: [], unexpectedCount: 0 },
        ],
      },
      resolveMaturityModel(),
    );
    expect(m['catalogue-integration']).toMatchObject({ numerator: 1, denominator: 2, lacking: ['fix'] });
    expect(m['ticket-integration']).toMatchObject({ numerator: 1, denominator: 2, lacking: ['up'] });
    expect(m['audit-recency']).toMatchObject({ numerator: 1, denominator: 3, lacking: ['fix', 'up'] });
    expect(m['audit-accuracy']).toMatchObject({ numerator: 1, denominator: 3 });
    expect(m['licence-reconciliation-coverage']).toMatchObject({
      value: null,
      reason: 'no software products under management',
    });
  });

  it('refuses a licence position listed twice', () => {
    expect(() =>
      measureMaturityEvidence(
        {
          asOf,
          assets: [],
          licensing: {
            productsUnderManagement: ['p'],
            positions: [
              { productId: 'p', compliant: true },
              { productId: 'p', compliant: true },
            ],
          },
        },
        DEFAULT_MATURITY_MODEL,
      ),
    ).toThrow('licensing.positions.1.productId: duplicates product p');
  });
});
