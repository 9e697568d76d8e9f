import { z } from 'zod';
import { safeText } from '../text/safeText';
import { isoDateTimeSchema } from '../asset/schema';

const count = (defaultValue: number, min = 0) =>
  z.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(min).default(defaultValue);

/**
 * Tuning of a change-impact query. Every field has a default, so `{}` is complete.
 *
 * @public
 */
export const changeImpactOptionsSchema = z
  .object({
    /** Hops walked from the named items. Five reaches host, VM, service, system and beyond. */
    maxDepth: count(5).pipe(z.number().max(50, 'must be at most 50')),
    breadth: z
      .object({
        /** Items reached beyond those named from which breadth adds one impact point. */
        wideAt: count(10, 1),
        /** ... and two. */
        veryWideAt: count(50, 1),
      })
      .strict()
      .default({})
      .refine(b => b.veryWideAt >= b.wideAt, {
        message: 'veryWideAt must not be below wideAt',
        path: ['veryWideAt'],
      }),
    /** Open incidents on affected assets from which incident history adds two points, not one. */
    manyIncidentsAt: count(3, 1),
    /** An asset within this many days of end of life or support at the change start counts as near it. */
    nearEndOfLifeDays: count(90),
  })
  .strict();

/**
 * Complete change-impact options.
 *
 * @public
 */
export type ChangeImpactOptions = z.output<typeof changeImpactOptionsSchema>;

/**
 * Change-impact options as a caller gives them.
 *
 * @public
 */
export type ChangeImpactOptionsInput = z.input<typeof changeImpactOptionsSchema>;

/**
 * A change-impact query: what the change names, and its window.
 *
 * @public
 */
export const changeImpactQuerySchema = z
  .object({
    assetIds: z.array(safeText(z.string().trim().min(1, 'must not be empty'))).default([]),
    entityRefs: z.array(safeText(z.string().trim().min(1, 'must not be empty'))).default([]),
    window: z
      .object({
        start: isoDateTimeSchema,
        end: isoDateTimeSchema,
        inMaintenanceWindow: z.boolean().optional(),
      })
      .strict()
      .refine(w => Date.parse(w.end) >= Date.parse(w.start), {
        message: 'must not be before start',
        path: ['end'],
      }),
  })
  .strict();
