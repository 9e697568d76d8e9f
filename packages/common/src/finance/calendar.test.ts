import { ItamValidationError } from '../errors';
import { addMonthsToDay, formatIsoDay, instantToDay, parseIsoDay, requireIsoDay } from './calendar';

const day = (s: string) => parseIsoDay(s)!;

describe('calendar', () => {
  it('reads real dates and refuses others', () => {
    expect(formatIsoDay(day('2024-02-29'))).toBe('2024-02-29');
    expect(day('1970-01-02')).toBe(1);
    expect(parseIsoDay('2025-02-29')).toBeUndefined();
    expect(parseIsoDay('2025-13-01')).toBeUndefined();
    expect(parseIsoDay('31/01/2025')).toBeUndefined();
  });

  it('adds months from the same start, clamping to shorter months without drifting', () => {
    const start = day('2024-01-31');
    expect(formatIsoDay(addMonthsToDay(start, 1))).toBe('2024-02-29');
    expect(formatIsoDay(addMonthsToDay(start, 2))).toBe('2024-03-31');
    expect(formatIsoDay(addMonthsToDay(start, 13))).toBe('2025-02-28');
    expect(formatIsoDay(addMonthsToDay(start, -2))).toBe('2023-11-30');
  });

  it('puts instants on their UTC day', () => {
    expect(formatIsoDay(instantToDay('2026-01-01T23:30:00-02:00')!)).toBe('2026-01-02');
    expect(formatIsoDay(instantToDay('2026-01-01T00:30:00+01:00')!)).toBe('2025-12-31');
    expect(formatIsoDay(instantToDay('2026-03-01')!)).toBe('2026-03-01');
    expect(instantToDay('2026-03-01T10:00:00')).toBeUndefined(); // no zone: ambiguous
    expect(instantToDay('yesterday')).toBeUndefined();
  });

  it('names the field of a bad date', () => {
    expect(() => requireIsoDay('2025-02-30', 'inServiceDate')).toThrow(ItamValidationError);
    expect(() => requireIsoDay('2025-02-30', 'inServiceDate')).toThrow(/inServiceDate: must be a real calendar date/);
  });
});
