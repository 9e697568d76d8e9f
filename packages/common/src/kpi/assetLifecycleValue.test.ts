import { anAsset } from '../testing/fixtures';
import { assetLifecycleValue } from './assetLifecycleValue';
import type { LifecycleEvent } from './kpiInputs';

const window = { from: '2026-01-01', to: '2026-12-31' };
const retire = (assetId: string, at: string): LifecycleEvent => ({ assetId, at, transition: { from: 'deployed', to: 'retired' } });

describe('assetLifecycleValue', () => {
  it('is days served ÷ days planned over the assets retired in the window', () => {
    const assets = [
      // Planned 2023-01-01 to 2027-01-01 (1461 days), retired 2026-01-01 (1096 days).
      anAsset({ id: 'early', lifecycleStage: 'retired', purchase: { date: '2023-01-01' }, endOfLife: '2027-01-01' }),
      // Planned 2022-06-01 to 2025-06-01 (1096 days), retired 2026-03-01 (1096 + 273 = 1369 days).
      anAsset({ id: 'late', lifecycleStage: 'retired', purchase: { date: '2022-06-01' }, endOfLife: '2025-06-01' }),
      anAsset({ id: 'no-eol', lifecycleStage: 'retired', purchase: { date: '2022-06-01' } }),
      anAsset({ id: 'before', lifecycleStage: 'retired', purchase: { date: '2020-01-01' }, endOfLife: '2024-01-01' }),
    ];
    const r = assetLifecycleValue({
      window,
      assets,
      lifecycleEvents: [
        retire('early', '2026-01-01T08:00:00Z'),
        retire('late', '2026-03-01T08:00:00Z'),
        retire('no-eol', '2026-03-01T08:00:00Z'), // cannot be judged: left out
        retire('before', '2025-12-31T08:00:00Z'), // outside the window
      ],
    });
    expect(r).toMatchObject({ id: 'asset-lifecycle-value', numerator: 1096 + 1369, denominator: 1461 + 1096 });
    expect(r.value).toBeCloseTo(2465 / 2557, 12);
  });

  it('counts a retirement recorded before the purchase date as no service, not negative', () => {
    const r = assetLifecycleValue({
      window,
      assets: [anAsset({ id: 'x', purchase: { date: '2026-06-01' }, endOfLife: '2026-06-11' })],
      lifecycleEvents: [retire('x', '2026-05-01T00:00:00Z')],
    });
    expect(r).toMatchObject({ value: 0, numerator: 0, denominator: 10 });
  });

  it('is null with a reason when no judgeable asset was retired', () => {
    expect(assetLifecycleValue({ window, assets: [], lifecycleEvents: [] })).toMatchObject({
      value: null,
      reason: 'no asset with a purchase date and planned end of life was retired within the window',
    });
  });
});
