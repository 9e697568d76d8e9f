import { daysBefore, isoDay } from './dates';

describe('calendar days in the Jira app', () => {
  it('moves an instant back by days in UTC and names its day', () => {
    expect(daysBefore(new Date('2026-03-01T10:00:00.000Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(isoDay(new Date('2026-12-06T23:59:59.999Z'))).toBe('2026-12-06');
  });
});
