import { termStatus } from './terms';

describe('termStatus', () => {
  it.each([
    [{}, 'active'],
    [{ termStart: '2025-01-01' }, 'active'],
    [{ termStart: '2025-06-30' }, 'active'],
    [{ termStart: '2025-07-01' }, 'not-started'],
    [{ termEnd: '2025-06-30' }, 'active'],
    [{ termEnd: '2025-06-29' }, 'expired'],
    [{ termStart: '2024-07-01', termEnd: '2025-06-30' }, 'active'],
    [{ termStart: '2026-01-01', termEnd: '2026-12-31' }, 'not-started'],
  ])('%j on 2025-06-30 is %s', (term, expected) => {
    expect(termStatus(term, '2025-06-30')).toBe(expected);
  });
});
