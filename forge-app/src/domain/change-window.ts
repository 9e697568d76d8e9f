/** The change window sent with an impact assessment (ISO 8601 date-times). */
export interface ChangeWindow {
  start: string;
  end: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The window a change is assessed for. Jira has no portable start/end fields for a change (those
 * are custom fields that differ per site), but every issue may carry the system `duedate` field:
 * when it is set, the change is taken to happen on that day (UTC midnight to the last millisecond
 * of the day); otherwise it is taken to happen within the next 24 hours from `now`. Whether the
 * window is an agreed maintenance window is not known from Jira, so it is left out (the backend
 * scores that as outside one).
 */
export function changeWindow(now: Date, dueDate?: string): ChangeWindow {
  if (dueDate !== undefined && DATE.test(dueDate) && !Number.isNaN(Date.parse(`${dueDate}T00:00:00Z`))) {
    return { start: `${dueDate}T00:00:00.000Z`, end: `${dueDate}T23:59:59.999Z` };
  }
  return { start: now.toISOString(), end: new Date(now.getTime() + DAY_MS).toISOString() };
}
