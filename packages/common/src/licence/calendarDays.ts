const DAY_MS = 86_400_000;

function utcMs(isoDate: string): number {
  return Date.UTC(
    Number(isoDate.slice(0, 4)),
    Number(isoDate.slice(5, 7)) - 1,
    Number(isoDate.slice(8, 10)),
  );
}

/**
 * `isoDate` (`YYYY-MM-DD`) moved by `days` calendar days. Computed in UTC: date-fns works in the
 * host's local time, where daylight-saving changes can shift a day.
 *
 * @public
 */
export function addCalendarDays(isoDate: string, days: number): string {
  return new Date(utcMs(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Whole calendar days from `from` to `to` (`YYYY-MM-DD`); negative when `to` is earlier.
 *
 * @public
 */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
}
