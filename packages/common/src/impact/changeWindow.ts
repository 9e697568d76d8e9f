const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Where a change's window came from: the change request's planned start and end (Jira Service
 * Management fields), its due date's day, or, with neither, the next 24 hours.
 *
 * @public
 */
export type ChangeWindowSource = 'planned' | 'due-date' | 'next-24-hours';

/**
 * The window a change is assessed for (ISO 8601 instants) and where it came from.
 *
 * @public
 */
export interface SourcedChangeWindow {
  start: string;
  end: string;
  source: ChangeWindowSource;
}

const instant = (value: string | undefined): number | undefined => {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
};

/**
 * The window a change is assessed for. A change request's planned start and end win when both are
 * set and the end is not before the start; otherwise the due date's day (UTC midnight to the last
 * millisecond); otherwise the next 24 hours from `now`. Whether the window is an agreed
 * maintenance window is not known from Jira, so it is left out (scored as outside one).
 *
 * @public
 */
export function changeWindowFor(options: {
  now: Date;
  plannedStart?: string;
  plannedEnd?: string;
  dueDate?: string;
}): SourcedChangeWindow {
  const start = instant(options.plannedStart);
  const end = instant(options.plannedEnd);
  if (start !== undefined && end !== undefined && end >= start) {
    return { start: new Date(start).toISOString(), end: new Date(end).toISOString(), source: 'planned' };
  }
  const due = options.dueDate;
  const dueMs = due !== undefined && DATE.test(due) ? Date.parse(`${due}T00:00:00Z`) : Number.NaN;
  // A day the calendar does not have (2026-02-30) parses as another day, or not at all.
  if (due !== undefined && !Number.isNaN(dueMs) && new Date(dueMs).toISOString().startsWith(due)) {
    return { start: `${due}T00:00:00.000Z`, end: `${due}T23:59:59.999Z`, source: 'due-date' };
  }
  const now = options.now.getTime();
  return { start: new Date(now).toISOString(), end: new Date(now + DAY_MS).toISOString(), source: 'next-24-hours' };
}
