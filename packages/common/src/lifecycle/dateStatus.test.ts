import { parseRiskConfig } from '../risk/config';
import { anAsset } from '../testing/fixtures';
import { assetDateStatus, DEFAULT_NOTICE_WINDOWS, endDateStatus, isCriticalTier, noticeWindows } from './dateStatus';

describe('end dates and notice windows', () => {
  it('counts the end day as covered, warns within the window, and is passed from the next day', () => {
    expect(endDateStatus('2026-06-01', '2026-06-01', 90)).toEqual({ state: 'due-soon', date: '2026-06-01', daysLeft: 0 });
    expect(endDateStatus('2026-05-31', '2026-06-01', 90)).toEqual({ state: 'passed', date: '2026-05-31', daysLeft: -1 });
    expect(endDateStatus('2026-08-30', '2026-06-01', 90)).toMatchObject({ state: 'due-soon', daysLeft: 90 });
    expect(endDateStatus('2026-08-31', '2026-06-01', 90)).toMatchObject({ state: 'ok', daysLeft: 91 });
    expect(endDateStatus(undefined, '2026-06-01', 90)).toEqual({ state: 'none' });
    expect(endDateStatus('2026-02-30', '2026-06-01', 90)).toEqual({ state: 'none' });
  });

  it('gives every end date of an asset its own window, the risk configuration’s', () => {
    const asset = anAsset({ warrantyEnd: '2026-09-01', endOfLife: '2026-11-01', endOfSupport: '2026-09-01' });
    expect(DEFAULT_NOTICE_WINDOWS).toEqual({ warrantyDays: 90, endOfLifeDays: 180, endOfSupportDays: 90 });
    const status = assetDateStatus(asset, '2026-06-01');
    expect([status.warranty.state, status.endOfLife.state, status.endOfSupport.state]).toEqual(['ok', 'due-soon', 'ok']);
    const windows = noticeWindows(parseRiskConfig({ warranty: { warnWithinDays: 120 }, endOfSupport: { warnWithinDays: 100 } }));
    expect(windows).toEqual({ warrantyDays: 120, endOfLifeDays: 180, endOfSupportDays: 100 });
    const wider = assetDateStatus(asset, '2026-06-01', windows);
    expect([wider.warranty.state, wider.endOfSupport.state]).toEqual(['due-soon', 'due-soon']);
  });

  it('calls tiers up to the configured one critical', () => {
    expect([1, 2, 3].map(t => isCriticalTier(t))).toEqual([true, true, false]);
    expect(isCriticalTier(3, 3)).toBe(true);
  });
});
