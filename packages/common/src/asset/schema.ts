import { z } from 'zod';
import { normalizeEntityRef } from '../entity/entityRef';
import { fromNumber } from '../finance/rational';
import { safeText } from '../text/safeText';
import {
  ASSET_CLASSES,
  DATA_CLASSIFICATIONS,
  LIFECYCLE_STAGES,
  SANITISATION_METHODS,
} from './constants';

/**
 * The shapes the asset schema checks fields against, for code that must accept exactly what the
 * schema accepts without running it (the import's fast path).
 *
 * @public
 */
export const ASSET_FIELD_PATTERNS = {
  /** `YYYY-MM-DD` (the schema also checks it is a real day). */
  isoDate: /^\d{4}-\d{2}-\d{2}$/,
  /** An asset tag: a letter or digit, then letters, digits, `.`, `_`, `/` and `-` (or empty, before trimming). */
  tag: /^(?:[A-Za-z0-9][A-Za-z0-9._/-]*)?$/,
  /** An asset type in lower-case kebab-case, e.g. `virtual-machine`. */
  type: /^(?:[a-z0-9][a-z0-9-]*)?$/,
  /** An ISO 4217 currency code. */
  currency: /^[A-Z]{3}$/,
  /** The source of an external id, e.g. `snipe-it`. */
  externalIdSource: /^[a-z0-9][a-z0-9._-]*$/,
} as const;

/**
 * ISO 8601 calendar date, `YYYY-MM-DD`, checked to be a real day.
 *
 * @public
 */
export const isoDateSchema = z
  .string()
  .regex(ASSET_FIELD_PATTERNS.isoDate, 'must be a date formatted YYYY-MM-DD')
  .refine(isRealDay, 'must be a real calendar date');

/**
 * ISO 8601 timestamp (UTC or with an offset) on a real calendar day, e.g. not on 30 February.
 *
 * @public
 */
export const isoDateTimeSchema = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-01-31T12:00:00Z' })
  .refine(value => isRealDay(value.slice(0, 10)), 'must be on a real calendar date');

/** Whether `YYYY-MM-DD` names a day that exists (JavaScript's Date would roll 02-30 over to March). */
function isRealDay(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The largest count the register stores: PostgreSQL's `integer` (counts such as concurrent-use
 * peaks are integer columns), far above any real quantity of devices, users, cores or PVUs.
 *
 * @public
 */
export const MAX_COUNT = 2_147_483_647;

/**
 * The largest amount of money accepted (one hundred billion): with four decimal places it stays
 * exact in a JavaScript number, and no asset or licence costs more.
 *
 * @public
 */
export const MAX_AMOUNT = 100_000_000_000;

/**
 * A human asset tag: letters, digits and `-_./`, starting with a letter or digit.
 *
 * @public
 */
export const assetTagSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(
    ASSET_FIELD_PATTERNS.tag,
    'must start with a letter or digit and contain only letters, digits, ".", "_", "/" and "-"',
  );

/**
 * Builds a schema for an entity reference whose kind is one of `kinds` (any kind if empty).
 *
 * @public
 */
export function entityRefSchema(kinds: readonly string[] = [], defaultKind?: string) {
  return safeText(z.string()).transform((value, ctx) => {
    try {
      const ref = normalizeEntityRef(value.trim(), { defaultKind });
      const kind = ref.slice(0, ref.indexOf(':'));
      if (kinds.length > 0 && !kinds.includes(kind)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `must reference a ${kinds.join(' or ')} entity, got kind "${kind}"`,
        });
        return z.NEVER;
      }
      return ref;
    } catch (e) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: (e as Error).message });
      return z.NEVER;
    }
  });
}

/**
 * Owner and custodian are users or groups of the Backstage catalogue.
 *
 * @public
 */
export const ownerRefSchema = entityRefSchema(['user', 'group']);

/**
 * ISO 4217 alphabetic currency code.
 *
 * @public
 */
export const currencySchema = z
  .string()
  .regex(ASSET_FIELD_PATTERNS.currency, 'must be an ISO 4217 currency code such as EUR or USD');

/**
 * A non-negative amount of money with at most four decimal places.
 *
 * @public
 */
export const amountSchema = z
  .number({ invalid_type_error: 'must be a number' })
  .finite('must be a finite number')
  .nonnegative('must not be negative')
  .max(MAX_AMOUNT, `must be at most ${MAX_AMOUNT}`)
  // Judged on the decimal the number is written as (exactly, see finance/rational.ts): n × 10⁴
  // in binary floating point drifts past any tolerance for amounts in the tens of millions.
  .refine(n => !Number.isFinite(n) || 10_000n % fromNumber(n).d === 0n, {
    message: 'must have at most four decimal places',
  });

/**
 * Where an asset was discovered: the discovery tool and its own id for the asset.
 *
 * @public
 */
export const externalIdSchema = z
  .object({
    source: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(64)
      .regex(ASSET_FIELD_PATTERNS.externalIdSource, 'must be lower-case letters, digits, ".", "_" or "-"'),
    sourceId: safeText(z.string().trim().min(1, 'must not be empty').max(256)),
  })
  .strict();

/**
 * Purchase facts: when, for how much, from whom, on which order.
 *
 * @public
 */
export const purchaseSchema = z
  .object({
    date: isoDateSchema.optional(),
    cost: amountSchema.optional(),
    currency: currencySchema.optional(),
    supplier: safeText(z.string().trim().min(1).max(200)).optional(),
    orderNumber: safeText(z.string().trim().min(1).max(100)).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.cost !== undefined && p.currency === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['currency'],
        message: 'is required when a cost is given',
      });
    }
  });

/**
 * The record that an asset's storage media were sanitised (needed to dispose of sensitive data).
 *
 * @public
 */
export const sanitisationSchema = z
  .object({
    date: isoDateSchema,
    method: z.enum(SANITISATION_METHODS),
    performedBy: safeText(z.string().trim().min(1, 'must name who sanitised the media').max(200)),
    certificateRef: safeText(z.string().trim().min(1).max(200)).optional(),
  })
  .strict();

/**
 * The most custom attributes one asset may carry: enough for any inventory's details (a GLPI
 * computer maps to about twenty), and a bound on what one asset costs to store, send and index.
 *
 * @public
 */
export const MAX_ATTRIBUTES = 100;

/**
 * Custom attributes: short keys with scalar values, at most {@link MAX_ATTRIBUTES} of them.
 *
 * @public
 */
export const attributesSchema = z
  .record(
    z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'attribute names must start with a letter (max 64)'),
    z.union([safeText(z.string().max(2000)), z.number().finite(), z.boolean(), z.null()]),
  )
  .refine(attributes => Object.keys(attributes).length <= MAX_ATTRIBUTES, {
    message: `must have at most ${MAX_ATTRIBUTES} attributes`,
  });

/**
 * The fields of an asset a person or an import provides. Shared by create (all required fields)
 * and update (every field optional). Identity (`id`), `version` and timestamps are the store's.
 */
const assetFieldsShape = {
  tag: assetTagSchema,
  name: safeText(z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters')),
  assetClass: z.enum(ASSET_CLASSES),
  type: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(64)
    .regex(ASSET_FIELD_PATTERNS.type, 'must be lower-case kebab-case, e.g. laptop or virtual-machine'),
  description: safeText(z.string().max(4000)).optional(),
  criticality: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
    errorMap: () => ({ message: 'must be a tier from 1 (most critical) to 4' }),
  }),
  dataClassification: z.enum(DATA_CLASSIFICATIONS),
  serialNumber: safeText(z.string().trim().min(1).max(128)).optional(),
  externalIds: z.array(externalIdSchema).max(32),
  owner: ownerRefSchema.optional(),
  custodian: ownerRefSchema.optional(),
  location: safeText(z.string().trim().min(1).max(200)).optional(),
  costCentre: safeText(z.string().trim().min(1).max(64)).optional(),
  purchase: purchaseSchema.optional(),
  warrantyEnd: isoDateSchema.optional(),
  endOfLife: isoDateSchema.optional(),
  endOfSupport: isoDateSchema.optional(),
  sanitisation: sanitisationSchema.optional(),
  attributes: attributesSchema,
};

function refineExternalIds(
  value: { externalIds?: { source: string; sourceId: string }[] },
  ctx: z.RefinementCtx,
) {
  const seen = new Set<string>();
  value.externalIds?.forEach((ext, i) => {
    const key = `${ext.source}\u0000${ext.sourceId}`;
    if (seen.has(key)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['externalIds', i],
        message: `duplicates external id ${ext.source}:${ext.sourceId}`,
      });
    }
    seen.add(key);
  });
}

/**
 * Input to create an asset. New assets start in `planned` unless a stage is given (imports of
 * existing estates arrive in any stage but `disposed`... which an import may also record).
 *
 * @public
 */
export const newAssetSchema = z
  .object({
    ...assetFieldsShape,
    criticality: assetFieldsShape.criticality.default(3),
    dataClassification: assetFieldsShape.dataClassification.default('internal'),
    externalIds: assetFieldsShape.externalIds.default([]),
    attributes: assetFieldsShape.attributes.default({}),
    lifecycleStage: z.enum(LIFECYCLE_STAGES).default('planned'),
  })
  .strict()
  .superRefine(refineExternalIds);

/**
 * A partial update of an asset's fields. `null` clears an optional field. The lifecycle stage is
 * not here: it changes only through a transition, so its rules always run.
 *
 * @public
 */
export const assetPatchSchema = z
  .object({
    tag: assetFieldsShape.tag.optional(),
    name: assetFieldsShape.name.optional(),
    assetClass: assetFieldsShape.assetClass.optional(),
    type: assetFieldsShape.type.optional(),
    description: assetFieldsShape.description.unwrap().nullable().optional(),
    criticality: assetFieldsShape.criticality.optional(),
    dataClassification: assetFieldsShape.dataClassification.optional(),
    serialNumber: assetFieldsShape.serialNumber.unwrap().nullable().optional(),
    externalIds: assetFieldsShape.externalIds.optional(),
    owner: ownerRefSchema.nullable().optional(),
    custodian: ownerRefSchema.nullable().optional(),
    location: assetFieldsShape.location.unwrap().nullable().optional(),
    costCentre: assetFieldsShape.costCentre.unwrap().nullable().optional(),
    purchase: purchaseSchema.nullable().optional(),
    warrantyEnd: isoDateSchema.nullable().optional(),
    endOfLife: isoDateSchema.nullable().optional(),
    endOfSupport: isoDateSchema.nullable().optional(),
    sanitisation: sanitisationSchema.nullable().optional(),
    attributes: assetFieldsShape.attributes.optional(),
  })
  .strict()
  .superRefine(refineExternalIds);

/**
 * A stored asset, as the register returns it.
 *
 * @public
 */
export const assetSchema = z
  .object({
    id: z.string().min(1),
    ...assetFieldsShape,
    lifecycleStage: z.enum(LIFECYCLE_STAGES),
    version: z.number().int().positive(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .strict();
