import { z } from 'zod';
import { parseOrThrow } from '../validation';
import { CURRENCY_CODE_PATTERN, isWholeMinorUnits, minorUnitDigits, minorUnitScale } from './currency';

/**
 * Depreciation methods: straight-line (SLN), declining balance (DDB, with a factor) and
 * sum-of-years' digits (SYD).
 *
 * @public
 */
export const DEPRECIATION_METHODS = [
  'straight-line',
  'declining-balance',
  'sum-of-years-digits',
] as const;
/** @public */
export type DepreciationMethod = (typeof DEPRECIATION_METHODS)[number];

/**
 * The unit a useful life is counted in; one schedule row per unit.
 *
 * @public
 */
export const DEPRECIATION_PERIOD_UNITS = ['year', 'month'] as const;
/** @public */
export type DepreciationPeriodUnit = (typeof DEPRECIATION_PERIOD_UNITS)[number];

/**
 * The longest useful life accepted, in periods. It covers a ten-year life counted in days (the
 * spreadsheet's daily DDB example) and 300 years in months, and bounds the work one request can
 * cause: exact declining balance grows its fractions with every period.
 *
 * @public
 */
export const MAX_DEPRECIATION_PERIODS = 4_000;

/** The declining-balance factor when none is given: double declining balance. @public */
export const DEFAULT_DECLINING_BALANCE_FACTOR = 2;

const money = z
  .number({ required_error: 'is required', invalid_type_error: 'must be a number' })
  .finite('must be a finite number')
  .nonnegative('must not be negative');

/**
 * What depreciation needs: the method, cost, salvage (residual) value, useful life in periods and,
 * for declining balance, the factor. Amounts are in major units of `currency` and must be whole
 * minor units (cents), so every result is exact.
 *
 * @public
 */
export const depreciationInputSchema = z
  .object({
    method: z.enum(DEPRECIATION_METHODS),
    cost: money,
    /** Residual value at the end of the useful life; nothing depreciates below it. */
    salvage: money.default(0),
    /** Useful life as a whole number of periods (years or months, see `periodUnit`). */
    life: z
      .number({ required_error: 'is required', invalid_type_error: 'must be a number' })
      .positive('must be greater than 0')
      .max(MAX_DEPRECIATION_PERIODS, `must be at most ${MAX_DEPRECIATION_PERIODS} periods`)
      .refine(Number.isInteger, 'must be a whole number of periods'),
    periodUnit: z.enum(DEPRECIATION_PERIOD_UNITS).default('year'),
    /** Declining balance only: the rate is factor ÷ life per period (2 = double declining). */
    factor: z
      .number({ invalid_type_error: 'must be a number' })
      .finite('must be a finite number')
      .positive('must be greater than 0')
      .max(100, 'must be at most 100')
      .optional(),
    /**
     * Declining balance only: switch to straight-line over the remaining life once that gives a
     * larger charge (the spreadsheet VDB behaviour), so the asset reaches salvage at end of life.
     * Off by default, to stay equal to DDB.
     */
    switchToStraightLine: z.boolean().optional(),
    /** ISO 4217 code; decides the minor unit results are rounded to (2 decimals if absent). */
    currency: z.string().regex(CURRENCY_CODE_PATTERN, 'must be an ISO 4217 code such as EUR').optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    const digits = minorUnitDigits(input.currency);
    const limit = Number.MAX_SAFE_INTEGER / Number(minorUnitScale(input.currency));
    for (const field of ['cost', 'salvage'] as const) {
      if (!isWholeMinorUnits(input[field], input.currency)) {
        issue(field, `must be a whole number of minor units (at most ${digits} decimals)`);
      } else if (input[field] > limit) {
        issue(field, `must be at most ${Math.floor(limit)} to stay exact in minor units`);
      }
    }
    if (input.cost >= 0 && input.salvage > input.cost) {
      issue('salvage', `must not exceed cost (${input.cost})`);
    }
    if (input.method !== 'declining-balance') {
      if (input.factor !== undefined) issue('factor', 'applies only to declining-balance');
      if (input.switchToStraightLine !== undefined) {
        issue('switchToStraightLine', 'applies only to declining-balance');
      }
    }
  });

/**
 * Depreciation input as a caller writes it (salvage and period unit may be omitted).
 *
 * @public
 */
export type DepreciationInput = z.input<typeof depreciationInputSchema>;

/**
 * Depreciation input after validation, with defaults applied.
 *
 * @public
 */
export type ValidDepreciationInput = z.output<typeof depreciationInputSchema>;

/**
 * Validates depreciation input and applies defaults.
 *
 * @throws {@link ItamValidationError} naming every bad field (negative cost, salvage above cost,
 * a life that is not a positive whole number, a bad factor...).
 * @public
 */
export function parseDepreciationInput(input: DepreciationInput): ValidDepreciationInput {
  return parseOrThrow(depreciationInputSchema, input, 'depreciation input');
}
