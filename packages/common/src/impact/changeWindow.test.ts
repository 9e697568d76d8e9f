import { changeWindowFor } from './changeWindow';

describe('changeWindowFor', () => {
  const now = new Date('2026-03-10T08:30:00.000Z');

  it('is the planned start and end when both are set', () => {
    expect(
      changeWindowFor({ now, plannedStart: '2026-03-14T22:00:00.000+0100', plannedEnd: '2026-03-15T02:00:00.000+0100', dueDate: '2026-03-20' }),
    ).toEqual({ start: '2026-03-14T21:00:00.000Z', end: '2026-03-15T01:00:00.000Z', source: 'planned' });
  });

  it('falls back to the due date when a planned bound is missing, unreadable or reversed', () => {
    const dueDay = { start: '2026-03-14T00:00:00.000Z', end: '2026-03-14T23:59:59.999Z', source: 'due-date' };
    expect(changeWindowFor({ now, plannedStart: '2026-03-14T22:00:00Z', dueDate: '2026-03-14' })).toEqual(dueDay);
    expect(changeWindowFor({ now, plannedStart: 'soon', plannedEnd: '2026-03-15T01:00:00Z', dueDate: '2026-03-14' })).toEqual(dueDay);
    expect(changeWindowFor({ now, plannedStart: '2026-03-15T01:00:00Z', plannedEnd: '2026-03-14T22:00:00Z', dueDate: '2026-03-14' })).toEqual(dueDay);
  });

  it('is the next 24 hours without either', () => {
    expect(changeWindowFor({ now })).toEqual({ start: '2026-03-10T08:30:00.000Z', end: '2026-03-11T08:30:00.000Z', source: 'next-24-hours' });
  });

  it('ignores a due date that is not a calendar date', () => {
    expect(changeWindowFor({ now, dueDate: '14/03/2026' }).source).toBe('next-24-hours');
    expect(changeWindowFor({ now, dueDate: '2026-13-45' }).source).toBe('next-24-hours');
    expect(changeWindowFor({ now, dueDate: '2026-02-30' }).source).toBe('next-24-hours');
  });
});
