import { parseIsoDay } from '@itam/common';

// Day arithmetic is common's (UTC day numbers); this module only adapts it to the app's Dates.

/** The calendar day (UTC) of an instant, `YYYY-MM-DD`. */
export function isoDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * Whole days from calendar day `from` to calendar day `to` (negative if `to` is earlier); NaN
 * when either is not a calendar day, so no comparison with it holds.
 */
export function daysBetween(from: string, to: string): number {
  const [a, b] = [parseIsoDay(from), parseIsoDay(to)];
  return a === undefined || b === undefined ? Number.NaN : b - a;
}

/** The instant `days` days before `now`. */
export function daysBefore(now: Date, days: number): Date {
  const before = new Date(now.getTime());
  before.setUTCDate(before.getUTCDate() - days);
  return before;
}
