import { ItamValidationError } from '../errors';
import { parseIsoDay } from '../finance/calendar';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Days since 1970-01-01 of an ISO calendar date `YYYY-MM-DD`.
 *
 * Whole UTC days are used (not local midnights) so a day difference never depends on the time
 * zone or a daylight-saving change of the machine that evaluates the rules.
 *
 * @param path - field path named in the error, so a bad date in a large input can be found.
 * @throws {@link ItamValidationError} when `value` is not a real calendar date.
 */
export function toDayNumber(value: string, path: string): number {
  const day = parseIsoDay(value);
  if (day !== undefined) return day;
  throw new ItamValidationError(
    [{ path, message: `must be a real calendar date formatted YYYY-MM-DD, got ${JSON.stringify(value)}` }],
    'risk input',
  );
}

/**
 * The UTC calendar date of an evaluation moment given as `YYYY-MM-DD` or an ISO date-time.
 *
 * @throws {@link ItamValidationError} when `value` is neither.
 */
export function toEvaluationDate(value: string, path = 'asOf'): string {
  if (typeof value === 'string' && ISO_DATE_TIME.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString().slice(0, 10);
  }
  toDayNumber(value, path);
  return value;
}

/** "1 day" or "12 days", for explanations. */
export function formatDays(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}
