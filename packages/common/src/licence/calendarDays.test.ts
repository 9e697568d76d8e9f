import { addCalendarDays, calendarDaysBetween } from './calendarDays';

describe('calendar days', () => {
  it('moves across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2025-06-30', -90)).toBe('2025-04-01');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    // A daylight-saving change in Europe falls in this span; UTC arithmetic is unaffected.
    expect(addCalendarDays('2025-03-29', 2)).toBe('2025-03-31');
  });

  it('counts whole days between dates', () => {
    expect(calendarDaysBetween('2024-06-30', '2025-06-30')).toBe(365);
    expect(calendarDaysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(calendarDaysBetween('2025-06-30', '2025-06-01')).toBe(-29);
  });
});
