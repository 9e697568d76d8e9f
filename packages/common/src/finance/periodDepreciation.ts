import { ItamValidationError } from '../errors';
import { accumulatedDepreciation } from './accumulatedDepreciation';
import { minorToNumber, roundToMinor } from './currency';
import { parseDepreciationInput, type DepreciationInput } from './depreciationInput';
import { sub } from './rational';

/**
 * The depreciation charged in one period, as the spreadsheet functions compute it: the exact
 * charge of that period alone, rounded to the currency's minor unit (halves away from zero).
 * Equal to SLN, DDB and SYD to the cent; with `switchToStraightLine`, the VDB rule for one whole period.
 *
 * Because each period is rounded on its own, these figures may add up to a cent or so more or
 * less than cost − salvage; a schedule ({@link depreciationSchedule}) rounds book values instead
 * and always adds up exactly.
 *
 * @param period - 1-based period, from 1 to the life.
 * @throws {@link ItamValidationError} for bad input or a period outside 1..life.
 * @public
 */
export function depreciationForPeriod(input: DepreciationInput, period: number): number {
  const valid = parseDepreciationInput(input);
  if (!Number.isInteger(period) || period < 1 || period > valid.life) {
    throw new ItamValidationError(
      [{ path: 'period', message: `must be a whole number from 1 to the life (${valid.life})` }],
      'depreciation input',
    );
  }
  const acc = accumulatedDepreciation(valid, period);
  return minorToNumber(roundToMinor(sub(acc[period], acc[period - 1]), valid.currency), valid.currency);
}
