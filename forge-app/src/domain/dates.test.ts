import { daysBefore, daysBetween, isoDay } from './dates';

describe('calendar days in the Jira app', () => {
  it('counts whole days between calendar days, across months and leap days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2026-12-06', '2026-11-06')).toBe(-30);
  });

  it('gives NaN for something that is not a calendar day, so no window comparison holds', () => {
    expect(daysBetween('2026-02-30', '2026-03-01')).toBeNaN();
    expect(daysBetween('2026-03-01', 'soon')).toBeNaN();
  });

  it('moves an instant back by days in UTC and names its day', () => {
    expect(daysBefore(new Date('2026-03-01T10:00:00.000Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(isoDay(new Date('2026-12-06T23:59:59.999Z'))).toBe('2026-12-06');
  });
});
