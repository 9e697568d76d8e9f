import { z } from 'zod';
import { safeText } from '../text/safeText';
import {
  amountSchema,
  currencySchema,
  entityRefSchema,
  isoDateSchema,
  isoDateTimeSchema,
  purchaseSchema,
  MAX_COUNT,
} from '../asset/schema';
import { CORE_COUNTING_RULES, LICENCE_METRIC_INFO, LICENCE_METRICS } from './metrics';

/** An identifier from the register or a discovery tool. */
const idSchema = safeText(z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'));

/** A Backstage user reference; `jane` is read as `user:default/jane`, as the catalogue does. */
const userRefSchema = entityRefSchema(['user'], 'user');

const nonNegativeInt = z
  .number({ invalid_type_error: 'must be a number' })
  .int('must be a whole number')
  .nonnegative('must not be negative')
  .max(MAX_COUNT, `must be at most ${MAX_COUNT}`);

/**
 * A usage date: `YYYY-MM-DD`, or an ISO date-time, which is reduced to its UTC calendar day.
 * Usage is judged by the day, and a single form lets the reconciliation compare dates as text.
 *
 * @public
 */
export const usageDateSchema = z.string().transform((value, ctx) => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = isoDateSchema.safeParse(value);
    if (day.success) return value;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a real calendar date' });
    return z.NEVER;
  }
  if (isoDateTimeSchema.safeParse(value).success) {
    const time = new Date(value);
    if (!Number.isNaN(time.getTime())) return time.toISOString().slice(0, 10);
  }
  ctx.addIssue({
    code: z.ZodIssueCode.custom,
    message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time',
  });
  return z.NEVER;
});

/**
 * A normalised software product: publisher + name + version. Products sharing publisher and name
 * (compared case-insensitively) are versions of one another, which is what downgrade rights use.
 *
 * @public
 */
export const softwareProductSchema = z
  .object({
    id: idSchema,
    publisher: safeText(z.string().trim().min(1, 'must not be empty').max(200)),
    name: safeText(z.string().trim().min(1, 'must not be empty').max(200)),
    /** Licensable version (e.g. `2022`); absent for a version-independent product. */
    version: safeText(z.string().trim().min(1, 'must not be empty').max(64)).optional(),
    /** Only products under management are reconciled. */
    underManagement: z.boolean({ required_error: 'is required', invalid_type_error: 'must be true or false' }),
    /** How `per-core` rights count cores for this product; `all-cores` when absent. */
    coreCounting: z.enum(CORE_COUNTING_RULES).optional(),
  })
  .strict();

/**
 * Rights bought for a product. `quantity` is in the metric's unit (devices, users, cores,
 * processors, concurrent users, Oracle processor licences, PVUs); site and unlimited rights need
 * none. Terms are inclusive calendar days; `unitCost` is the price of one unit of quantity.
 *
 * @public
 */
export const entitlementSchema = z
  .object({
    id: idSchema,
    productId: idSchema,
    metric: z.enum(LICENCE_METRICS),
    quantity: nonNegativeInt.optional(),
    termStart: isoDateSchema.optional(),
    termEnd: isoDateSchema.optional(),
    unitCost: amountSchema.optional(),
    currency: currencySchema.optional(),
    /** Whether this right may cover older versions of the product. */
    downgradeRights: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
    /**
     * How the rights were bought: date, total cost paid (with its currency), supplier, order
     * number. `unitCost` stays the price of one unit, which true-up estimates use.
     */
    purchase: purchaseSchema.optional(),
    /** Whether the rights are under maintenance (support and upgrades paid). */
    maintained: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
    /** Whether a right may be taken back from one consumer and given to another. */
    reassignable: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
    /** Devices or users the rights are allocated to; they consume these rights first. */
    allocations: z
      .object({
        deviceIds: z.array(idSchema).max(100_000).optional(),
        userRefs: z.array(userRefSchema).max(100_000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    const info = LICENCE_METRIC_INFO[e.metric];
    if (!info.unlimited && e.quantity === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['quantity'], message: `is required for ${e.metric} rights` });
    }
    if (e.termStart !== undefined && e.termEnd !== undefined && e.termEnd < e.termStart) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['termEnd'], message: `must not be before termStart (${e.termStart})` });
    }
    if (e.unitCost !== undefined && e.currency === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['currency'], message: 'is required when a unitCost is given' });
    }
    if (e.currency !== undefined && e.unitCost === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['unitCost'], message: 'is required when a currency is given' });
    }
    if (e.downgradeRights && !info.downgradable) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['downgradeRights'],
        message: `do not apply to ${e.metric} rights (a subscription or concurrent right covers the current release)`,
      });
    }
    const deviceIds = e.allocations?.deviceIds ?? [];
    const userRefs = e.allocations?.userRefs ?? [];
    if (deviceIds.length > 0 && info.consumerKind !== 'device') {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['allocations', 'deviceIds'],
        message: `cannot be allocated: ${e.metric} rights are not counted per device`,
      });
    }
    if (userRefs.length > 0 && info.consumerKind !== 'user') {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['allocations', 'userRefs'],
        message: `cannot be allocated: ${e.metric} rights are not counted per user`,
      });
    }
    reportDuplicates(deviceIds, ['allocations', 'deviceIds'], ctx);
    reportDuplicates(userRefs, ['allocations', 'userRefs'], ctx);
  });

function reportDuplicates(values: readonly string[], path: (string | number)[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (seen.has(v)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, i], message: `duplicates ${JSON.stringify(v)}` });
    }
    seen.add(v);
  });
}

/**
 * One installation of a product on a device, as discovery reports it. `version` is the
 * discovered build, shown in explanations; matching uses the product's normalised version.
 * `lastUsed` is `null` when metering saw no use at all, and absent when the product is not metered.
 *
 * @public
 */
export const installationSchema = z
  .object({
    id: idSchema,
    deviceId: idSchema,
    productId: idSchema,
    version: safeText(z.string().trim().min(1).max(100)).optional(),
    lastUsed: usageDateSchema.nullable().optional(),
  })
  .strict();

/**
 * Hardware facts of a device, for core- and processor-based metrics. For a VM, `processors` and
 * `coresPerProcessor` are its virtual sockets and cores, and `hostDeviceId` names the physical
 * host when known. `maxSockets` is the server model's socket capacity (IBM's PVU table keys on
 * it); the number of processors fitted is used when it is absent. A count of 0 means unknown.
 *
 * @public
 */
export const deviceFactsSchema = z
  .object({
    deviceId: idSchema,
    kind: z.enum(['physical', 'virtual']),
    processors: nonNegativeInt,
    coresPerProcessor: nonNegativeInt,
    processorVendor: safeText(z.string().trim().min(1).max(100)).optional(),
    processorModel: safeText(z.string().trim().min(1).max(200)).optional(),
    maxSockets: nonNegativeInt.min(1, 'must be at least 1').optional(),
    hostDeviceId: idSchema.optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.hostDeviceId !== undefined && d.kind !== 'virtual') {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['hostDeviceId'], message: 'is only for virtual devices' });
    }
    if (d.hostDeviceId !== undefined && d.hostDeviceId === d.deviceId) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['hostDeviceId'], message: 'must name another device' });
    }
    if (d.maxSockets !== undefined && d.maxSockets < d.processors) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['maxSockets'],
        message: `must be at least the number of processors (${d.processors})`,
      });
    }
  });

/**
 * A product assigned to a user (a named-user or subscription seat).
 *
 * @public
 */
export const userAssignmentSchema = z
  .object({ userRef: userRefSchema, productId: idSchema })
  .strict();

/**
 * The highest number of simultaneous users of a product seen in one observation.
 *
 * @public
 */
export const concurrentUsagePeakSchema = z
  .object({ productId: idSchema, peak: nonNegativeInt, observedAt: usageDateSchema })
  .strict();

/**
 * Everything a reconciliation reads. Collections other than `products` may be omitted.
 *
 * @public
 */
export const licenceInputSchema = z
  .object({
    products: z.array(softwareProductSchema),
    entitlements: z.array(entitlementSchema).default([]),
    installations: z.array(installationSchema).default([]),
    devices: z.array(deviceFactsSchema).default([]),
    userAssignments: z.array(userAssignmentSchema).default([]),
    concurrentPeaks: z.array(concurrentUsagePeakSchema).default([]),
  })
  .strict();

/**
 * Options of a reconciliation. `asOf` is the reconciliation date (a pure function takes no
 * clock); installations unused for `harvestAfterDays` days are harvest candidates; concurrent
 * use is the highest peak observed in the `concurrentPeakWindowDays` days up to `asOf`.
 *
 * @public
 */
export const reconciliationOptionsSchema = z
  .object({
    asOf: isoDateSchema,
    harvestAfterDays: nonNegativeInt.max(36_500).default(90),
    concurrentPeakWindowDays: nonNegativeInt.min(1, 'must be at least 1').max(36_500).default(90),
    /**
     * The currency of the whole estate's prices when the input is one part of it (see
     * reconcileParts.ts): positions state it even where the part's own rights carry no price.
     */
    estateCurrency: currencySchema.nullable().optional(),
  })
  .strict();
