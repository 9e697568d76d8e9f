import { assetHealth as healthWith, worstAssetHealth } from './assetHealth';
import { DEFAULT_NOTICE_WINDOWS } from './dateStatus';

const defaults = { noticeWindows: DEFAULT_NOTICE_WINDOWS, criticalTierMax: 2 };
const assetHealth = (asset: Parameters<typeof healthWith>[0], day: string) => healthWith(asset, day, defaults);

const today = '2026-06-15';
const asset = (patch: object = {}) => ({
  criticality: 3 as const,
  lifecycleStage: 'deployed' as const,
  warrantyEnd: '2028-01-01',
  endOfLife: '2030-01-01',
  ...patch,
});

describe('assetHealth', () => {
  it('is ok with warranty and support far ahead', () => {
    expect(assetHealth(asset(), today)).toEqual({ warranty: 'ok', endOfLife: 'ok', endOfSupport: 'none', critical: false, health: 'ok' });
  });

  it('needs attention when the warranty ended on a tier 3 asset, is critical on tier 1 and 2', () => {
    expect(assetHealth(asset({ warrantyEnd: '2026-01-01' }), today).health).toBe('attention');
    expect(assetHealth(asset({ warrantyEnd: '2026-01-01', criticality: 2 }), today).health).toBe('critical');
  });

  it('is critical past end of life and needs attention when it is near', () => {
    expect(assetHealth(asset({ endOfLife: '2026-06-01' }), today)).toMatchObject({ endOfLife: 'passed', health: 'critical' });
    expect(assetHealth(asset({ endOfLife: '2026-10-01' }), today)).toMatchObject({ endOfLife: 'due-soon', health: 'attention' });
  });

  it('needs attention for a retired asset, and reports missing dates as none', () => {
    expect(assetHealth(asset({ lifecycleStage: 'retired', warrantyEnd: undefined, endOfLife: undefined }), today)).toEqual({
      warranty: 'none',
      endOfLife: 'none',
      endOfSupport: 'none',
      critical: false,
      health: 'attention',
    });
  });

  it('counts end of support as the risk findings do: critical once passed, attention when near', () => {
    expect(assetHealth(asset({ endOfSupport: '2026-06-14' }), today)).toMatchObject({ endOfSupport: 'passed', health: 'critical' });
    expect(assetHealth(asset({ endOfSupport: '2026-09-01' }), today)).toMatchObject({ endOfSupport: 'due-soon', health: 'attention' });
  });

  it('judges by the windows and critical tiers the register is configured with', () => {
    const settings = { noticeWindows: { warrantyDays: 10, endOfLifeDays: 30, endOfSupportDays: 10 }, criticalTierMax: 3 };
    expect(healthWith(asset({ endOfLife: '2026-10-01' }), today, settings)).toMatchObject({ endOfLife: 'ok', health: 'ok' });
    expect(healthWith(asset({ warrantyEnd: '2026-01-01' }), today, settings)).toMatchObject({ critical: true, health: 'critical' });
  });
});

describe('worstAssetHealth', () => {
  it('picks the worst, and undefined for none', () => {
    expect(worstAssetHealth(['ok', 'critical', 'attention'])).toBe('critical');
    expect(worstAssetHealth(['ok', 'attention'])).toBe('attention');
    expect(worstAssetHealth([])).toBeUndefined();
  });
});
