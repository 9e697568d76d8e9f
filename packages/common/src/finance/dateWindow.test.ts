import { ItamValidationError } from '../errors';
import { parseIsoDay } from './calendar';
import { overlapDays, parseDateWindow } from './dateWindow';

describe('parseDateWindow', () => {
  it('returns both ends as UTC days, inclusive', () => {
    expect(parseDateWindow({ from: '2026-01-01', to: '2026-01-01' })).toEqual({
      fromDay: parseIsoDay('2026-01-01'),
      toDay: parseIsoDay('2026-01-01'),
    });
  });

  it('names bad ends under the caller’s path', () => {
    const call = () => parseDateWindow({ from: '2026-02-30', to: '2026-01-01' }, 'options.window');
    expect(call).toThrow(ItamValidationError);
    expect(call).toThrow('options.window.from: must be a real calendar date');
  });
});

describe('overlapDays', () => {
  const r = (from: number, to: number) => ({ fromDay: from, toDay: to });
  it.each([
    [r(0, 9), r(5, 20), 5],
    [r(0, 9), r(0, 9), 10],
    [r(0, 9), r(9, 9), 1],
    [r(0, 9), r(10, 20), 0],
    [r(5, 6), r(0, 100), 2],
  ])('%p and %p share %p days', (a, b, days) => {
    expect(overlapDays(a, b)).toBe(days);
    expect(overlapDays(b, a)).toBe(days);
  });
});
