import { ItamValidationError } from '../errors';
import { accumulatedDepreciation } from './accumulatedDepreciation';
import { addMonthsToDay, dayToDate, requireIsoDay } from './calendar';
import { minorToNumber, roundToMinor } from './currency';
import { parseDepreciationInput, type DepreciationInput } from './depreciationInput';
import { interpolate } from './depreciationSchedule';
import { fromNumber } from './rational';

/**
 * Where an asset is in its depreciation at a date.
 *
 * @public
 */
export type DepreciationStatus = 'before-service' | 'in-service' | 'end-of-life';

/**
 * Options of {@link bookValueAt}.
 *
 * @public
 */
export interface BookValueOptions {
  /** First day in service (`YYYY-MM-DD`): depreciation starts at the beginning of this day. */
  inServiceDate: string;
  /** The date asked about (`YYYY-MM-DD`); the value is as at the start of that day. */
  date: string;
  /**
   * Within a period not yet complete: `daily` (default) accrues that period's charge evenly per
   * day; `none` keeps the book value of the last completed period, as a ledger posting per
   * period shows it.
   */
  proRata?: 'daily' | 'none';
}

/**
 * Book value at a date.
 *
 * @public
 */
export interface BookValueAtDate {
  date: string;
  inServiceDate: string;
  status: DepreciationStatus;
  /** Whole periods (in the life's unit) completed by the date, from 0 to the life. */
  periodsCompleted: number;
  /** Depreciation accumulated by the date, exact to the minor unit. */
  accumulated: number;
  /** Cost minus accumulated depreciation; never below salvage, and the cost before service. */
  bookValue: number;
}

/**
 * Book value of an asset at a date, counting from its in-service date. Before that date (a future
 * in-service date) nothing has depreciated and the book value is the cost; from the end of the
 * useful life on, it stays at the final book value (salvage, or above it for declining balance
 * without the straight-line switch). At the end of each whole period it equals the book value of
 * {@link depreciationSchedule}'s row for that period, to the minor unit.
 *
 * @throws {@link ItamValidationError} for bad input or dates.
 * @public
 */
export function bookValueAt(input: DepreciationInput, options: BookValueOptions): BookValueAtDate {
  const valid = parseDepreciationInput(input);
  if (options.proRata !== undefined && options.proRata !== 'daily' && options.proRata !== 'none') {
    throw new ItamValidationError(
      [{ path: 'proRata', message: 'must be one of "daily", "none"' }],
      'book value request',
    );
  }
  const start = requireIsoDay(options.inServiceDate, 'inServiceDate', 'book value request');
  const day = requireIsoDay(options.date, 'date', 'book value request');
  const monthsPerPeriod = valid.periodUnit === 'year' ? 12 : 1;
  const boundary = (period: number) => addMonthsToDay(start, period * monthsPerPeriod);
  const exact = accumulatedDepreciation(valid);

  let completed = 0;
  if (day >= start) {
    // Start a little below the calendar estimate and step forward: month lengths vary.
    const d = dayToDate(day);
    const s = dayToDate(start);
    const months = (d.getUTCFullYear() - s.getUTCFullYear()) * 12 + d.getUTCMonth() - s.getUTCMonth();
    completed = Math.min(valid.life, Math.max(0, Math.floor(months / monthsPerPeriod) - 1));
    while (completed < valid.life && boundary(completed + 1) <= day) completed++;
  }
  const status = day < start ? 'before-service' : completed >= valid.life ? 'end-of-life' : 'in-service';
  const acc =
    status === 'in-service' && options.proRata !== 'none'
      ? interpolate(exact, completed, day - boundary(completed), boundary(completed + 1) - boundary(completed))
      : exact[completed];
  const { currency } = valid;
  const accumulated = roundToMinor(acc, currency);
  return {
    date: options.date,
    inServiceDate: options.inServiceDate,
    status,
    periodsCompleted: completed,
    accumulated: minorToNumber(accumulated, currency),
    bookValue: minorToNumber(roundToMinor(fromNumber(valid.cost), currency) - accumulated, currency),
  };
}
