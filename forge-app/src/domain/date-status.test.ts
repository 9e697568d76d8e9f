import { dateStatus } from './date-status';

describe('dateStatus', () => {
  it.each([
    [undefined, 'none'],
    ['2026-06-14', 'passed'],
    ['2026-06-15', 'due-soon'],
    ['2026-09-13', 'due-soon'],
    ['2026-09-14', 'ok'],
  ] as const)('an end date of %s on 2026-06-15 with 90 days notice is %s', (date, status) => {
    expect(dateStatus(date, '2026-06-15', 90)).toBe(status);
  });
});
