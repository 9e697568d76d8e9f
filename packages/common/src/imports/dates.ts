import { addMonthsToDay, formatIsoDay, parseIsoDay } from '../finance/calendar';

// Dates as people and spreadsheet tools write them, read into civil `YYYY-MM-DD` days. One home
// for the rules an import applies to a date cell: which layouts exist, how a two-digit year is
// read, and how a whole column's layout is inferred.

/**
 * The date layouts an import reads, named by their four-digit-year form. A layout fixes the
 * order of year, month and day; the separator may be `-`, `/` or `.`, the year may have two
 * digits (see {@link TWO_DIGIT_YEAR_PIVOT}), and a time of day after the date is ignored.
 *
 * @public
 */
export const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY'] as const;
/** @public */
export type DateFormat = (typeof DATE_FORMATS)[number];

/**
 * Two-digit years are read as POSIX `strptime` `%y` reads them: 69 to 99 are 1969 to 1999,
 * 00 to 68 are 2000 to 2068. So `1/23/23` is 2023 and `4/5/99` is 1999.
 *
 * @public
 */
export const TWO_DIGIT_YEAR_PIVOT = 69;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})${TIME}$`);
const MONTH_NAME_FIRST = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s.*)?$/;
const DAY_FIRST_NAME = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{4}|\d{2})(?:\s.*)?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The full year of a two- or four-digit year as written.
 *
 * @public
 */
export function fullYear(year: string): number {
  const y = Number(year);
  if (year.length !== 2) return y;
  return y >= TWO_DIGIT_YEAR_PIVOT ? 1900 + y : 2000 + y;
}

const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]);

function civil(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || y < 1 || y > 9999 || d > daysInMonth(y, m)) return undefined;
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

function monthNumber(name: string): number | undefined {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i + 1;
}

/**
 * How a date cell can be read: the layouts it fits, without choosing between them.
 *
 * @public
 */
export type DateShape =
  /** Year first or a month name: one reading whatever the layout. */
  | { kind: 'unambiguous'; date: string }
  /** Day and month as numbers with the year last: month-first, day-first, or either. */
  | { kind: 'numeric'; monthFirst?: string; dayFirst?: string }
  | { kind: 'invalid' };

/**
 * Reads what a date cell can mean, e.g. `3/4/23` as 4 March or 3 April 2023.
 *
 * @public
 */
export function dateShape(value: string): DateShape {
  const v = value.trim();
  let m = YEAR_FIRST.exec(v);
  if (m) {
    const date = civil(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { kind: 'unambiguous', date } : { kind: 'invalid' };
  }
  m = YEAR_LAST.exec(v);
  if (m) {
    const year = fullYear(m[3]);
    const monthFirst = civil(year, Number(m[1]), Number(m[2]));
    const dayFirst = civil(year, Number(m[2]), Number(m[1]));
    if (!monthFirst && !dayFirst) return { kind: 'invalid' };
    return { kind: 'numeric', ...(monthFirst ? { monthFirst } : {}), ...(dayFirst ? { dayFirst } : {}) };
  }
  m = MONTH_NAME_FIRST.exec(v);
  if (m) {
    const month = monthNumber(m[1]);
    const date = month ? civil(Number(m[3]), month, Number(m[2])) : undefined;
    return date ? { kind: 'unambiguous', date } : { kind: 'invalid' };
  }
  m = DAY_FIRST_NAME.exec(v);
  if (m) {
    const month = monthNumber(m[2]);
    const date = month ? civil(fullYear(m[3]), month, Number(m[1])) : undefined;
    return date ? { kind: 'unambiguous', date } : { kind: 'invalid' };
  }
  return { kind: 'invalid' };
}

/**
 * Reads a date cell in a layout. Year-first dates and dates with a month name read the same in
 * every layout; `MM/DD/YYYY` and `DD/MM/YYYY` decide what `03/04/2023` means. Returns the civil
 * date `YYYY-MM-DD`, or an error message quoting the layout.
 *
 * @public
 */
export function parseDate(value: string, format: DateFormat): { date: string } | { error: string } {
  const shape = dateShape(value);
  if (shape.kind === 'unambiguous') return { date: shape.date };
  if (shape.kind === 'numeric') {
    if (format === 'MM/DD/YYYY' && shape.monthFirst) return { date: shape.monthFirst };
    if (format === 'DD/MM/YYYY' && shape.dayFirst) return { date: shape.dayFirst };
    if (format === 'YYYY-MM-DD') {
      return { error: 'is not a date in the YYYY-MM-DD layout the import was given' };
    }
    return { error: `is not a real date in the ${format} layout` };
  }
  return { error: `is not a date (write it as ${format}, e.g. ${DATE_EXAMPLES[format]})` };
}

const DATE_EXAMPLES: Record<DateFormat, string> = {
  'YYYY-MM-DD': '2023-01-31',
  'MM/DD/YYYY': '01/31/2023',
  'DD/MM/YYYY': '31/01/2023',
};

/**
 * Collects a column's evidence about its layout, one cell at a time, so a file of any size is
 * judged by all its values (not by a sample): a cell whose first number is above 12 can only be
 * day-first, one whose second is above 12 only month-first.
 *
 * @public
 */
export class DateColumnEvidence {
  /** Cells readable month-first / day-first; numeric cells seen. */
  private monthFirst = 0;
  private dayFirst = 0;
  private numeric = 0;

  add(value: string): void {
    const shape = dateShape(value);
    if (shape.kind !== 'numeric') return;
    this.numeric++;
    if (shape.monthFirst) this.monthFirst++;
    if (shape.dayFirst) this.dayFirst++;
  }

  /**
   * The column's layout: the one every numeric cell fits; `ambiguous` when both fit all of them
   * (no cell has a part above 12); `inconsistent` when neither fits all. A column with no
   * numeric day/month cells reads the same in any layout (`YYYY-MM-DD`).
   */
  decide(): { format: DateFormat } | { ambiguous: DateFormat[] } | { inconsistent: true } {
    if (this.numeric === 0) return { format: 'YYYY-MM-DD' };
    const mdy = this.monthFirst === this.numeric;
    const dmy = this.dayFirst === this.numeric;
    if (mdy && dmy) return { ambiguous: ['MM/DD/YYYY', 'DD/MM/YYYY'] };
    if (mdy) return { format: 'MM/DD/YYYY' };
    if (dmy) return { format: 'DD/MM/YYYY' };
    return { inconsistent: true };
  }
}

/**
 * A civil date plus calendar months (clamped to a shorter month's end), e.g. an end of life from
 * a purchase date and a model's life in months. Undefined for a date that is not real.
 *
 * @public
 */
export function addMonthsToDate(date: string, months: number): string | undefined {
  const day = parseIsoDay(date);
  return day === undefined ? undefined : formatIsoDay(addMonthsToDay(day, months));
}
