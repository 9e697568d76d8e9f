import { ItamValidationError } from '../errors';
import { formatDays, toDayNumber, toEvaluationDate } from './dates';

describe('toDayNumber', () => {
  it('counts whole UTC days since the epoch', () => {
    expect(toDayNumber('1970-01-01', 'x')).toBe(0);
    expect(toDayNumber('1970-01-02', 'x')).toBe(1);
    expect(toDayNumber('2024-03-01', 'x') - toDayNumber('2024-02-28', 'x')).toBe(2);
    expect(toDayNumber('2025-03-01', 'x') - toDayNumber('2025-02-28', 'x')).toBe(1);
  });

  it.each(['2026-02-30', '2026-13-01', '26-01-01', '2026-01-01T00:00:00Z', ''])(
    'refuses %j naming the field',
    value => {
      expect(() => toDayNumber(value, 'assets.3.endOfLife')).toThrow(ItamValidationError);
      expect(() => toDayNumber(value, 'assets.3.endOfLife')).toThrow(/assets\.3\.endOfLife/);
    },
  );
});

describe('toEvaluationDate', () => {
  it('keeps a calendar date and takes the UTC day of a date-time', () => {
    expect(toEvaluationDate('2026-06-01')).toBe('2026-06-01');
    expect(toEvaluationDate('2026-06-01T23:30:00Z')).toBe('2026-06-01');
    expect(toEvaluationDate('2026-06-01T23:30:00-02:00')).toBe('2026-06-02');
  });

  it('refuses anything else', () => {
    expect(() => toEvaluationDate('next tuesday')).toThrow(/asOf/);
  });
});

describe('formatDays', () => {
  it('uses the singular for one day', () => {
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(0)).toBe('0 days');
    expect(formatDays(30)).toBe('30 days');
  });
});
