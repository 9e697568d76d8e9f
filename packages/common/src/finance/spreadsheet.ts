import { depreciationForPeriod } from './periodDepreciation';

// The spreadsheet functions under their own names and argument orders, so a finance analyst can
// check a figure against Excel, LibreOffice Calc or Google Sheets directly. Results are in the
// same units as `cost`, rounded to cents as the spreadsheet displays them with two decimals.

/**
 * SLN: straight-line depreciation of one period. `SLN(30000, 7500, 10)` is 2250.
 *
 * @throws {@link ItamValidationError} for a negative cost, salvage above cost, or a life that is
 * not a positive whole number.
 * @public
 */
export function sln(cost: number, salvage: number, life: number): number {
  return depreciationForPeriod({ method: 'straight-line', cost, salvage, life }, 1);
}

/**
 * DDB: declining-balance depreciation of `period` with the given factor (2 = double declining),
 * never taking book value below salvage and never switching to straight-line.
 * `DDB(2400, 300, 10, 2, 1.5)` is 306.00.
 *
 * @throws {@link ItamValidationError} for bad amounts, life, period or factor.
 * @public
 */
export function ddb(cost: number, salvage: number, life: number, period: number, factor = 2): number {
  return depreciationForPeriod({ method: 'declining-balance', cost, salvage, life, factor }, period);
}

/**
 * SYD: sum-of-years' digits depreciation of period `per`. `SYD(30000, 7500, 10, 1)` is 4090.91.
 *
 * @throws {@link ItamValidationError} for bad amounts, life or period.
 * @public
 */
export function syd(cost: number, salvage: number, life: number, per: number): number {
  return depreciationForPeriod({ method: 'sum-of-years-digits', cost, salvage, life }, per);
}
