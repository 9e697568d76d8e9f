import { accumulatedDepreciation } from './accumulatedDepreciation';
import { addMonthsToDay, formatIsoDay, requireIsoDay } from './calendar';
import { minorToNumber, roundToMinor } from './currency';
import {
  parseDepreciationInput,
  type DepreciationInput,
  type DepreciationMethod,
  type DepreciationPeriodUnit,
  type ValidDepreciationInput,
} from './depreciationInput';
import { add, fromNumber, mul, rational, sub, type Rational } from './rational';

/**
 * How often a schedule has a row: every year or every month.
 *
 * @public
 */
export type DepreciationFrequency = 'yearly' | 'monthly';

/**
 * One row of a depreciation schedule. Amounts are in major units and are exact whole minor units.
 *
 * @public
 */
export interface DepreciationScheduleRow {
  /** 1-based row number. */
  period: number;
  /** First day of the row's period, when the schedule has an in-service date. */
  start?: string;
  /** Last day (inclusive) of the row's period, when the schedule has an in-service date. */
  end?: string;
  /** Charge of this row: accumulated now minus accumulated at the previous row. */
  depreciation: number;
  /** Depreciation accumulated at the end of the row: the exact figure rounded to the minor unit. */
  accumulated: number;
  /** Cost minus accumulated depreciation; never below salvage. */
  bookValue: number;
}

/**
 * A depreciation schedule over the whole useful life.
 *
 * @public
 */
export interface DepreciationSchedule {
  method: DepreciationMethod;
  cost: number;
  salvage: number;
  life: number;
  periodUnit: DepreciationPeriodUnit;
  frequency: DepreciationFrequency;
  currency?: string;
  rows: DepreciationScheduleRow[];
  /** Sum of the rows' charges: cost − salvage, except for declining balance without a switch. */
  totalDepreciation: number;
  /** Book value after the last row. */
  finalBookValue: number;
}

/**
 * Options of {@link depreciationSchedule}.
 *
 * @public
 */
export interface DepreciationScheduleOptions {
  /** Row frequency; defaults to the life's own unit (`yearly` for years, `monthly` for months). */
  frequency?: DepreciationFrequency;
  /** First day in service (`YYYY-MM-DD`); when given, each row carries its start and end dates. */
  inServiceDate?: string;
}

/**
 * Builds a depreciation schedule, yearly or monthly.
 *
 * Rounding: each row's accumulated depreciation is the exact accumulated figure rounded to the
 * minor unit, and its charge is the difference from the previous row. So the charges always add
 * up to the rounded total, exactly, which is cost − salvage for straight-line, sum-of-years' digits
 * and declining balance with the straight-line switch; and every book value is correct to the cent.
 * A single charge can differ by one minor unit from the period rounded on its own
 * ({@link depreciationForPeriod}), which is how the rounding residue is absorbed.
 *
 * A monthly schedule of a life counted in years spreads each year's charge evenly over its twelve
 * months (the method applies per year; months are an accrual of it). A yearly schedule of a life
 * counted in months groups twelve months per row; the last row may be shorter.
 *
 * @throws {@link ItamValidationError} for bad input or a bad in-service date.
 * @public
 */
export function depreciationSchedule(
  input: DepreciationInput,
  options: DepreciationScheduleOptions = {},
): DepreciationSchedule {
  const valid = parseDepreciationInput(input);
  const frequency = options.frequency ?? (valid.periodUnit === 'year' ? 'yearly' : 'monthly');
  const inService =
    options.inServiceDate === undefined
      ? undefined
      : requireIsoDay(options.inServiceDate, 'inServiceDate', 'depreciation schedule');
  const exact = accumulatedDepreciation(valid);
  const boundaries = rowBoundaries(valid, frequency, exact);
  const monthsPerRow = frequency === 'yearly' ? 12 : 1;
  const lifeMonths = valid.life * (valid.periodUnit === 'year' ? 12 : 1);
  const { currency } = valid;
  const costMinor = roundToMinor(fromNumber(valid.cost), currency);

  const rows: DepreciationScheduleRow[] = [];
  let previous = 0n;
  boundaries.forEach((acc, i) => {
    const accumulated = roundToMinor(acc, currency);
    const row: DepreciationScheduleRow = {
      period: i + 1,
      depreciation: minorToNumber(accumulated - previous, currency),
      accumulated: minorToNumber(accumulated, currency),
      bookValue: minorToNumber(costMinor - accumulated, currency),
    };
    if (inService !== undefined) {
      const endMonths = Math.min((i + 1) * monthsPerRow, lifeMonths);
      row.start = formatIsoDay(addMonthsToDay(inService, i * monthsPerRow));
      row.end = formatIsoDay(addMonthsToDay(inService, endMonths) - 1);
    }
    rows.push(row);
    previous = accumulated;
  });
  return {
    method: valid.method,
    cost: valid.cost,
    salvage: valid.salvage,
    life: valid.life,
    periodUnit: valid.periodUnit,
    frequency,
    ...(currency === undefined ? {} : { currency }),
    rows,
    totalDepreciation: minorToNumber(previous, currency),
    finalBookValue: minorToNumber(costMinor - previous, currency),
  };
}

/** Exact accumulated depreciation at the end of each row. */
function rowBoundaries(
  valid: ValidDepreciationInput,
  frequency: DepreciationFrequency,
  exact: Rational[],
): Rational[] {
  const { life, periodUnit } = valid;
  if ((periodUnit === 'year') === (frequency === 'yearly')) return exact.slice(1);
  if (periodUnit === 'year') {
    // Monthly rows of a yearly method: accrue each year's charge evenly over its months.
    const out: Rational[] = [];
    for (let m = 1; m <= life * 12; m++) out.push(interpolate(exact, Math.floor(m / 12), m % 12, 12));
    return out;
  }
  // Yearly rows of a monthly method: the accumulated figure every twelfth month.
  const out: Rational[] = [];
  for (let y = 1; (y - 1) * 12 < life; y++) out.push(exact[Math.min(y * 12, life)]);
  return out;
}

/**
 * Accumulated depreciation `part / whole` of the way through period `completed + 1`: the periods
 * completed plus that share of the next period's charge.
 *
 * @internal
 */
export function interpolate(exact: Rational[], completed: number, part: number, whole: number): Rational {
  if (part === 0) return exact[completed];
  const charge = sub(exact[completed + 1], exact[completed]);
  return add(exact[completed], mul(charge, rational(BigInt(part), BigInt(whole))));
}
