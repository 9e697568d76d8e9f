import { changeWindow } from './change-window';

describe('changeWindow', () => {
  const now = new Date('2026-03-10T08:30:00.000Z');

  it('is the next 24 hours without a due date', () => {
    expect(changeWindow(now)).toEqual({ start: '2026-03-10T08:30:00.000Z', end: '2026-03-11T08:30:00.000Z' });
  });

  it('is the due date’s day when the issue has one', () => {
    expect(changeWindow(now, '2026-03-14')).toEqual({ start: '2026-03-14T00:00:00.000Z', end: '2026-03-14T23:59:59.999Z' });
  });

  it('ignores a due date that is not a date', () => {
    expect(changeWindow(now, '14/03/2026')).toEqual(changeWindow(now));
    expect(changeWindow(now, '2026-13-45')).toEqual(changeWindow(now));
  });
});
