import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  ASSET_CLASSES,
  DATA_CLASSIFICATIONS,
  ITAM_ASSET_RESOURCE_TYPE,
  ITAM_PLUGIN_ID,
  normalizeEntityRef,
  type Asset,
  type AssetClass,
  type DataClassification,
} from '@itam/common';
import { z } from 'zod';

/**
 * A rule's parameter schema as a Standard Schema with its JSON Schema (what the permission
 * framework reads to validate parameters and to describe the rule): validated with the
 * plugin's zod schema, described by a JSON Schema written out (this plugin's zod predates
 * Standard JSON Schema support).
 */
function paramsSchema<T>(schema: z.ZodType<T>, jsonSchema: Record<string, unknown>): never {
  return {
    '~standard': {
      version: 1,
      vendor: 'itam',
      validate: (value: unknown) => {
        const result = schema.safeParse(value);
        return result.success
          ? { value: result.data }
          : { issues: result.error.issues.map(i => ({ message: `${i.path.join('.') || 'params'}: ${i.message}`, path: i.path })) };
      },
      jsonSchema: { input: () => jsonSchema, output: () => jsonSchema },
    },
  } as never;
}

const stringList = (description: string, items: object = { type: 'string' }) => ({
  type: 'array',
  items,
  description,
});

/**
 * One condition on an asset as the register's queries apply it: the column's value is one of
 * `values` (a missing value never is).
 *
 * @public
 */
export interface AssetCriterion {
  column: 'owner' | 'data_classification' | 'asset_class';
  values: string[];
}

/**
 * The `itam-asset` resource type: register assets, by id, filtered in SQL by
 * {@link AssetCriterion}s.
 *
 * @public
 */
export const itamAssetResourceRef = createPermissionResourceRef<Asset, AssetCriterion>().with({
  pluginId: ITAM_PLUGIN_ID,
  resourceType: ITAM_ASSET_RESOURCE_TYPE,
});

type AssetResourceRef = typeof itamAssetResourceRef;

/** Entity refs as the register stores them (`group:default/sre`), whatever form a policy uses. */
function normalizedRefs(refs: readonly string[]): string[] {
  const out: string[] = [];
  for (const ref of refs) {
    try {
      out.push(normalizeEntityRef(ref));
    } catch {
      // A claim that is no entity ref owns nothing.
    }
  }
  return out;
}

/**
 * `IS_OWNER`: the asset's owner is one of `claims` — for a user, the ownership entity refs of
 * their identity (themselves and their groups; `userInfo.getUserInfo(...).ownershipEntityRefs`).
 *
 * @public
 */
export const isAssetOwner = createPermissionRule<AssetResourceRef, { claims: string[] }>({
  name: 'IS_OWNER',
  description: 'Allow assets owned by the caller or one of their groups (the claims given)',
  resourceRef: itamAssetResourceRef,
  paramsSchema: paramsSchema(z.object({ claims: z.array(z.string()) }).strict(), {
    type: 'object',
    properties: { claims: stringList('Entity refs of the caller and their groups (ownershipEntityRefs)') },
    required: ['claims'],
    additionalProperties: false,
  }),
  apply: (asset, { claims }) => asset.owner !== undefined && normalizedRefs(claims).includes(asset.owner),
  toQuery: ({ claims }) => ({ column: 'owner', values: normalizedRefs(claims) }),
});

/**
 * `HAS_CLASSIFICATION`: the asset's data classification is one of those given.
 *
 * @public
 */
export const hasDataClassification = createPermissionRule<AssetResourceRef, { classifications: DataClassification[] }>({
  name: 'HAS_CLASSIFICATION',
  description: 'Allow assets whose data classification is one of those given',
  resourceRef: itamAssetResourceRef,
  paramsSchema: paramsSchema(z.object({ classifications: z.array(z.enum(DATA_CLASSIFICATIONS)) }).strict(), {
    type: 'object',
    properties: {
      classifications: stringList('Data classifications', { type: 'string', enum: [...DATA_CLASSIFICATIONS] }),
    },
    required: ['classifications'],
    additionalProperties: false,
  }),
  apply: (asset, { classifications }) => classifications.includes(asset.dataClassification),
  toQuery: ({ classifications }) => ({ column: 'data_classification', values: [...classifications] }),
});

/**
 * `HAS_CLASS`: the asset's class is one of those given.
 *
 * @public
 */
export const hasAssetClass = createPermissionRule<AssetResourceRef, { assetClasses: AssetClass[] }>({
  name: 'HAS_CLASS',
  description: 'Allow assets of the classes given (hardware, software, cloud, information, service)',
  resourceRef: itamAssetResourceRef,
  paramsSchema: paramsSchema(z.object({ assetClasses: z.array(z.enum(ASSET_CLASSES)) }).strict(), {
    type: 'object',
    properties: { assetClasses: stringList('Asset classes', { type: 'string', enum: [...ASSET_CLASSES] }) },
    required: ['assetClasses'],
    additionalProperties: false,
  }),
  apply: (asset, { assetClasses }) => assetClasses.includes(asset.assetClass),
  toQuery: ({ assetClasses }) => ({ column: 'asset_class', values: [...assetClasses] }),
});

/**
 * The rules of the `itam-asset` resource type, by the names policies use.
 *
 * @public
 */
export const itamAssetPermissionRules = {
  isOwner: isAssetOwner,
  hasClassification: hasDataClassification,
  hasClass: hasAssetClass,
};

const itamAssetConditionExports = createConditionExports({
  resourceRef: itamAssetResourceRef,
  rules: itamAssetPermissionRules,
});

/**
 * Condition factories for permission policies, e.g. `itamAssetConditions.isOwner({ claims })`.
 *
 * @public
 */
export const itamAssetConditions = itamAssetConditionExports.conditions;

/**
 * Turns conditions on assets into a policy decision:
 * `createItamAssetConditionalDecision(permission, itamAssetConditions.isOwner({ claims }))`.
 *
 * @public
 */
export const createItamAssetConditionalDecision = itamAssetConditionExports.createConditionalDecision;
