import { ItamValidationError } from '../errors';
import { anAsset } from '../testing/fixtures';
import { costPerAsset } from './costPerAsset';

const window = { from: '2026-01-01', to: '2026-03-31' };
const assets = [
  anAsset({ id: 'a', lifecycleStage: 'deployed' }),
  anAsset({ id: 'b', lifecycleStage: 'deployed' }),
  anAsset({ id: 'c', lifecycleStage: 'in-stock' }),
  anAsset({ id: 'gone', lifecycleStage: 'disposed' }),
];

describe('costPerAsset', () => {
  it('is the window TCO of the assets under management per asset, exact to the cent', () => {
    const r = costPerAsset({
      window,
      assets,
      costs: {
        currency: 'EUR',
        assets: [
          { assetId: 'a', currency: 'EUR', items: [{ category: 'acquisition', amount: 60, currency: 'EUR', date: '2026-01-10' }] },
          { assetId: 'b', currency: 'EUR', items: [{ category: 'support', amount: 40, currency: 'EUR', date: '2026-02-01' }] },
          // Outside the window and of an asset no longer managed: neither counts.
          { assetId: 'c', currency: 'EUR', items: [{ category: 'acquisition', amount: 999, currency: 'EUR', date: '2025-12-31' }] },
          { assetId: 'gone', currency: 'EUR', items: [{ category: 'disposal', amount: 500, currency: 'EUR', date: '2026-01-15' }] },
        ],
      },
    });
    expect(r).toMatchObject({
      id: 'cost-per-asset',
      unit: 'EUR per asset',
      numerator: 100,
      denominator: 3,
      value: 33.33,
    });
  });

  it('refuses costs in another currency, naming the asset entry', () => {
    const call = () =>
      costPerAsset({
        window,
        assets,
        costs: { currency: 'EUR', assets: [{ assetId: 'a', currency: 'USD', items: [] }] },
      });
    expect(call).toThrow(ItamValidationError);
    expect(call).toThrow('costs.assets.0.currency: is USD but the KPI is in EUR');
  });

  it('names the item of an asset entry that cannot be placed in the window', () => {
    expect(() =>
      costPerAsset({
        window,
        assets,
        costs: {
          currency: 'EUR',
          assets: [
            { assetId: 'a', currency: 'EUR', items: [] },
            { assetId: 'b', currency: 'EUR', items: [{ category: 'acquisition', amount: 1, currency: 'EUR' }] },
            { assetId: 'a', currency: 'EUR', items: [] },
          ],
        },
      }),
    ).toThrow(/costs\.assets\.1\.items\.0\.date: is required.*costs\.assets\.2\.assetId: duplicates asset a/);
  });

  it('is null for an empty register', () => {
    expect(costPerAsset({ window, assets: [], costs: { currency: 'EUR', assets: [] } })).toMatchObject({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: 'no assets under management',
    });
  });
});
