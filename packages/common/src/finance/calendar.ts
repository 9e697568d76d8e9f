import { ItamValidationError } from '../errors';

// Calendar arithmetic on UTC day numbers, for the whole domain (licence terms, risk windows,
// depreciation, change windows): every day count in packages/common goes through this module.
// Dates in the register are civil dates (`YYYY-MM-DD`) with no time zone; doing the maths in UTC keeps a result independent of the server's zone
// (date-fns works in local time, where a month added at 00:00Z can land on the wrong day).

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 of a civil date `YYYY-MM-DD`, or `undefined` if it is not a real date.
 *
 * @public
 */
export function parseIsoDay(value: string): number | undefined {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2025-02-30 over to March; a real date survives the round trip unchanged.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return undefined;
  }
  return ms / MS_PER_DAY;
}

/**
 * The UTC midnight starting a day number, for reading its year and month.
 *
 * @internal
 */
export function dayToDate(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/**
 * The civil date `YYYY-MM-DD` of a UTC day number.
 *
 * @public
 */
export function formatIsoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The UTC day an instant falls on. Accepts an ISO 8601 date-time with an offset or `Z`, or a
 * plain date (which is that day). Returns `undefined` for anything else.
 *
 * @public
 */
export function instantToDay(value: string): number | undefined {
  const plain = parseIsoDay(value);
  if (plain !== undefined) return plain;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T.+(?:Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    return undefined;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / MS_PER_DAY);
}

/**
 * Adds calendar months to a day, clamping to the end of a shorter month (31 January plus one
 * month is 28 or 29 February). Always measure from the same start date: chaining clamped steps
 * drifts (31 Jan, 28 Feb, 28 Mar...).
 *
 * @internal
 */
export function addMonthsToDay(day: number, months: number): number {
  const start = new Date(day * MS_PER_DAY);
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(start.getUTCDate(), lastDay)) / MS_PER_DAY;
}

/**
 * Like {@link parseIsoDay}, but a bad date is an input error naming its field.
 *
 * @throws {@link ItamValidationError} with `path` when `value` is not a real `YYYY-MM-DD` date.
 * @internal
 */
export function requireIsoDay(value: string, path: string, subject?: string): number {
  const day = parseIsoDay(value);
  if (day === undefined) {
    throw new ItamValidationError(
      [{ path, message: 'must be a real calendar date formatted YYYY-MM-DD' }],
      subject,
    );
  }
  return day;
}
