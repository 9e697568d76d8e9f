import { formatDateTime } from './dateTime';

describe('formatDateTime', () => {
  it('writes the UTC date and minute, whatever the time zone', () => {
    expect(formatDateTime('2026-03-01T10:05:59.999Z')).toBe('2026-03-01 10:05 UTC');
    expect(formatDateTime('2026-03-01T23:30:00+02:00')).toBe('2026-03-01 21:30 UTC');
  });

  it('keeps text that is not a timestamp and says when there is none', () => {
    expect(formatDateTime('soon')).toBe('soon');
    expect(formatDateTime(undefined)).toBe('not set');
  });
});
