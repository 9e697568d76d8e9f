import { anAsset } from '../testing/fixtures';
import { assetTurnoverRate } from './assetTurnoverRate';
import type { LifecycleEvent } from './kpiInputs';

const window = { from: '2026-01-01', to: '2026-12-31' };
const retire = (assetId: string, at: string): LifecycleEvent => ({ assetId, at, transition: { from: 'deployed', to: 'retired' } });

describe('assetTurnoverRate', () => {
  it('is assets retired in the window ÷ assets under management during it', () => {
    const assets = [
      ...['a', 'b', 'c', 'd', 'e', 'f'].map(id => anAsset({ id, lifecycleStage: 'deployed' })),
      anAsset({ id: 'old-1', lifecycleStage: 'retired' }),
      anAsset({ id: 'old-2', lifecycleStage: 'disposed' }),
      anAsset({ id: 'back', lifecycleStage: 'in-stock' }),
    ];
    const events: LifecycleEvent[] = [
      retire('old-1', '2026-03-01T10:00:00Z'),
      retire('old-2', '2026-05-01T10:00:00Z'),
      { assetId: 'old-2', at: '2026-06-01T10:00:00Z', transition: { from: 'retired', to: 'disposed' } },
      retire('back', '2026-02-01T10:00:00Z'), // retired then reinstated to stock: counts once
      { assetId: 'back', at: '2026-02-05T10:00:00Z', transition: { from: 'retired', to: 'in-stock' } },
      retire('back', '2026-08-01T10:00:00Z'),
      retire('gone', '2026-04-01T10:00:00Z'), // no longer in the register, still turned over
      retire('a', '2025-11-01T10:00:00Z'), // before the window
      { assetId: 'b', at: '2026-04-01T10:00:00Z', transition: { from: 'in-stock', to: 'deployed' } },
    ];
    const r = assetTurnoverRate({ window, assets, lifecycleEvents: events });
    // Retired: old-1, old-2, back, gone = 4. Population: a–f and back (7) plus old-1, old-2, gone = 10.
    expect(r).toMatchObject({ id: 'asset-turnover-rate', value: 0.4, numerator: 4, denominator: 10 });
  });

  it('is null with a reason for an empty register and no retirements', () => {
    expect(assetTurnoverRate({ window, assets: [], lifecycleEvents: [] })).toMatchObject({
      value: null,
      reason: 'no assets under management during the window',
    });
  });

  it('refuses an event with a bad time', () => {
    expect(() => assetTurnoverRate({ window, assets: [], lifecycleEvents: [retire('a', 'soon')] })).toThrow(
      'lifecycleEvents.0.at',
    );
  });
});
