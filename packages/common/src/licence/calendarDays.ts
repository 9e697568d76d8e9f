import { formatIsoDay, parseIsoDay } from '../finance/calendar';

/** The day number of a date the licence schemas validated (NaN for anything else). */
const dayOf = (isoDate: string) => parseIsoDay(isoDate) ?? Number.NaN;

/**
 * `isoDate` (`YYYY-MM-DD`) moved by `days` calendar days. Computed in UTC: date-fns works in the
 * host's local time, where daylight-saving changes can shift a day.
 *
 * @public
 */
export function addCalendarDays(isoDate: string, days: number): string {
  return formatIsoDay(dayOf(isoDate) + days);
}

/**
 * Whole calendar days from `from` to `to` (`YYYY-MM-DD`); negative when `to` is earlier.
 *
 * @public
 */
export function calendarDaysBetween(from: string, to: string): number {
  return dayOf(to) - dayOf(from);
}
