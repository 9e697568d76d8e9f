import { DEFAULT_NOTICE_WINDOWS } from '@itam/common';
import { endOfLifeStatus, todayIso, warrantyStatus } from './assetStatus';

const TODAY = '2026-06-01';

describe('todayIso', () => {
  it('is the UTC calendar date', () => {
    expect(todayIso(new Date('2026-06-01T23:59:59.999Z'))).toBe('2026-06-01');
  });
});

describe('warrantyStatus', () => {
  it('is unknown without a warranty end', () => {
    expect(warrantyStatus({}, TODAY)).toEqual({ level: 'unknown', label: 'No warranty recorded' });
  });

  it('is expired from the day after the end', () => {
    expect(warrantyStatus({ warrantyEnd: '2026-05-31' }, TODAY)).toEqual({
      level: 'error',
      label: 'Warranty expired on 2026-05-31',
    });
  });

  it('warns from the last day back to the warning window', () => {
    expect(warrantyStatus({ warrantyEnd: TODAY }, TODAY)).toEqual({
      level: 'warning',
      label: 'Warranty ends today (2026-06-01)',
    });
    expect(warrantyStatus({ warrantyEnd: '2026-06-02' }, TODAY).label).toBe(
      'Warranty ends in 1 day (2026-06-02)',
    );
    expect(warrantyStatus({ warrantyEnd: '2026-08-30' }, TODAY)).toEqual({
      level: 'warning',
      label: `Warranty ends in ${DEFAULT_NOTICE_WINDOWS.warrantyDays} days (2026-08-30)`,
    });
  });

  it('is fine beyond the warning window', () => {
    expect(warrantyStatus({ warrantyEnd: '2026-08-31' }, TODAY)).toEqual({
      level: 'ok',
      label: 'Under warranty until 2026-08-31',
    });
  });
});

describe('endOfLifeStatus', () => {
  it('is unknown without dates', () => {
    expect(endOfLifeStatus({}, TODAY)).toEqual({ level: 'unknown', label: 'No end-of-life date' });
  });

  it('puts a passed end of life before a passed end of support', () => {
    expect(endOfLifeStatus({ endOfLife: '2026-01-01', endOfSupport: '2025-01-01' }, TODAY)).toEqual({
      level: 'error',
      label: 'Past end of life (2026-01-01)',
    });
  });

  it('flags a passed end of support while the end of life is ahead', () => {
    expect(endOfLifeStatus({ endOfLife: '2030-01-01', endOfSupport: '2026-05-01' }, TODAY)).toEqual({
      level: 'error',
      label: 'Out of support since 2026-05-01',
    });
  });

  it('warns of an end of life, then of an end of support, within the window', () => {
    expect(endOfLifeStatus({ endOfLife: '2026-07-01' }, TODAY)).toEqual({
      level: 'warning',
      label: 'End of life in 30 days (2026-07-01)',
    });
    expect(endOfLifeStatus({ endOfLife: '2030-01-01', endOfSupport: '2026-06-11' }, TODAY)).toEqual({
      level: 'warning',
      label: 'End of support in 10 days (2026-06-11)',
    });
  });

  it('is fine when both are far ahead, naming the end of life', () => {
    expect(endOfLifeStatus({ endOfLife: '2030-01-01', endOfSupport: '2029-01-01' }, TODAY)).toEqual({
      level: 'ok',
      label: 'End of life on 2030-01-01',
    });
    expect(endOfLifeStatus({ endOfSupport: '2029-01-01' }, TODAY)).toEqual({
      level: 'ok',
      label: 'Supported until 2029-01-01',
    });
  });
});

describe('notice windows', () => {
  it('warns of an end of life 180 days ahead by default, as the risk findings and the Jira panel do', () => {
    expect(endOfLifeStatus({ endOfLife: '2026-11-28' }, TODAY).level).toBe('warning');
    expect(endOfLifeStatus({ endOfLife: '2026-11-29' }, TODAY).level).toBe('ok');
  });

  it('uses the windows the backend serves', () => {
    const windows = { warrantyDays: 10, endOfLifeDays: 10, endOfSupportDays: 30 };
    expect(warrantyStatus({ warrantyEnd: '2026-06-20' }, TODAY, windows).level).toBe('ok');
    expect(endOfLifeStatus({ endOfSupport: '2026-06-20' }, TODAY, windows).level).toBe('warning');
  });
});
