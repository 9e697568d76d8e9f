import { z } from 'zod';
import { safeText } from '../text/safeText';
import { currencySchema, isoDateSchema } from '../asset/schema';
import type { Asset } from '../asset/types';

/**
 * What a cost pays for, the parts of total cost of ownership (TCO).
 *
 * @public
 */
export const COST_CATEGORIES = ['acquisition', 'maintenance', 'support', 'licence', 'disposal'] as const;
/** @public */
export type CostCategory = (typeof COST_CATEGORIES)[number];

/**
 * One cost of owning an asset. A one-off cost has a `date`; a contract (support, maintenance,
 * a licence subscription) has a `term` and is spread evenly over its days; a cost with neither
 * counts over the whole life but cannot be placed in a window. `share` takes part of a cost that
 * several assets share, e.g. one device's share of a 50-seat licence is `{ units: 1, of: 50 }`.
 *
 * @public
 */
export const costItemSchema = z
  .object({
    category: z.enum(COST_CATEGORIES),
    amount: z
      .number({ required_error: 'is required', invalid_type_error: 'must be a number' })
      .finite('must be a finite number')
      .nonnegative('must not be negative')
      .max(1e12, 'must be at most 1,000,000,000,000'),
    currency: currencySchema,
    date: isoDateSchema.optional(),
    term: z
      .object({ start: isoDateSchema, end: isoDateSchema })
      .strict()
      .refine(t => t.start <= t.end, { path: ['end'], message: 'must not be before start' })
      .optional(),
    share: z
      .object({
        units: z.number().finite().positive('must be greater than 0'),
        of: z.number().finite().positive('must be greater than 0'),
      })
      .strict()
      .refine(s => s.units <= s.of, { path: ['units'], message: 'must not exceed of' })
      .optional(),
    description: safeText(z.string().max(500)).optional(),
  })
  .strict()
  .refine(c => c.date === undefined || c.term === undefined, {
    path: ['term'],
    message: 'give a date (one-off cost) or a term (contract), not both',
  });

/** @public */
export type CostItemInput = z.input<typeof costItemSchema>;
/** @public */
export type CostItem = z.output<typeof costItemSchema>;

/**
 * The costs of one asset, all in one currency.
 *
 * @public
 */
export const assetCostsSchema = z
  .object({
    assetId: safeText(z.string().min(1, 'must not be empty')),
    currency: currencySchema,
    items: z.array(costItemSchema),
  })
  .strict()
  .superRefine((costs, ctx) => {
    costs.items.forEach((item, i) => {
      if (item.currency !== costs.currency) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['items', i, 'currency'],
          message: `is ${item.currency} but the asset's costs are in ${costs.currency}; convert it first (amounts are never converted silently)`,
        });
      }
    });
  });

/** @public */
export type AssetCostsInput = z.input<typeof assetCostsSchema>;
/** @public */
export type AssetCosts = z.output<typeof assetCostsSchema>;

/**
 * The acquisition cost recorded on an asset's purchase, as a cost item (none if no cost).
 *
 * @public
 */
export function costItemsFromAsset(asset: Pick<Asset, 'purchase'>): CostItem[] {
  const p = asset.purchase;
  if (p?.cost === undefined || p.currency === undefined) return [];
  return [
    {
      category: 'acquisition',
      amount: p.cost,
      currency: p.currency,
      ...(p.date === undefined ? {} : { date: p.date }),
    },
  ];
}
