// The asset's bodies as the OpenAPI document describes them: the stored asset, a new one and a
// patch. Shapes follow assetSchema, newAssetSchema and assetPatchSchema of @itam/common (a type
// check in packages/common/src/client/contract.ts holds them together). Request bodies state
// types, enums and required fields; the finer rules (tag and type patterns, lengths, amounts'
// decimals, repeated external ids) are the zod schemas', whose 400s name the field in words.
import { ASSET_CLASSES, CRITICALITY_TIERS, DATA_CLASSIFICATIONS, LIFECYCLE_STAGES, MAX_ATTRIBUTES, SANITISATION_METHODS } from '@itam/common';
import { closedObject, dateTimeSchema, daySchema } from './openapiParts';

const text = { type: 'string' };
const ownerRef = { type: 'string', description: 'A user or group entity ref, e.g. `group:default/platform` (`jane` reads as `user:default/jane`)' };

/** How the media of a disposed asset were sanitised. */
export const sanitisationSchema = closedObject(
  ['date', 'method', 'performedBy'],
  {
    date: daySchema,
    method: { type: 'string', enum: [...SANITISATION_METHODS] },
    performedBy: { type: 'string', description: 'Who sanitised the media' },
    certificateRef: text,
  },
  { description: 'How the media were sanitised: required to dispose of an asset that holds data' },
);

const purchase = closedObject(
  [],
  {
    date: daySchema,
    cost: { type: 'number', minimum: 0, description: 'In `currency`, at most four decimal places' },
    currency: { type: 'string', description: 'ISO 4217 code; required with a cost' },
    supplier: text,
    orderNumber: text,
  },
  { description: 'When it was bought, for how much, from whom, on which order' },
);

/** The fields a person or an import provides, as the asset holds them. */
const fieldProperties = {
  tag: { type: 'string', description: 'The asset tag, unique in the register, e.g. `LAP-0042`' },
  name: text,
  assetClass: { type: 'string', enum: [...ASSET_CLASSES] },
  type: { type: 'string', description: 'Lower-case kebab-case, e.g. `laptop` or `virtual-machine`' },
  description: text,
  criticality: { type: 'integer', enum: [...CRITICALITY_TIERS], description: 'Tier 1 (most critical) to 4' },
  dataClassification: { type: 'string', enum: [...DATA_CLASSIFICATIONS] },
  serialNumber: text,
  externalIds: {
    type: 'array',
    maxItems: 32,
    description: 'Where discovery tools know the asset: each tool and its own id for it',
    items: closedObject(['source', 'sourceId'], { source: { type: 'string', description: 'e.g. `glpi`, `snipeit`' }, sourceId: text }),
  },
  owner: ownerRef,
  custodian: ownerRef,
  location: text,
  costCentre: text,
  purchase,
  warrantyEnd: daySchema,
  endOfLife: daySchema,
  endOfSupport: daySchema,
  sanitisation: sanitisationSchema,
  attributes: {
    type: 'object',
    maxProperties: MAX_ATTRIBUTES,
    description: `Custom attributes, at most ${MAX_ATTRIBUTES}: names start with a letter, values are scalars`,
    additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
  },
};

/** The same field, or null to clear it. */
const orNull = (schema: object) => ({ oneOf: [schema, { type: 'null' }] });

const ASSET_EXAMPLE = {
  id: '5f0c2a8e-6a55-4c3e-9a55-0d2b7f1e8c11',
  tag: 'SRV-00001',
  name: 'db-prod-01',
  assetClass: 'hardware',
  type: 'server',
  criticality: 1,
  dataClassification: 'confidential',
  serialNumber: 'CZ2139XYZ',
  externalIds: [{ source: 'glpi', sourceId: '1042' }],
  owner: 'group:default/dba',
  location: 'Frankfurt DC1',
  purchase: { date: '2024-03-01', cost: 18450, currency: 'EUR', supplier: 'HPE' },
  warrantyEnd: '2027-02-28',
  endOfSupport: '2029-12-31',
  attributes: { cpuCores: 32, ramGb: 256 },
  lifecycleStage: 'deployed',
  version: 4,
  createdAt: '2024-03-04T09:12:00.000Z',
  updatedAt: '2026-11-20T16:40:00.000Z',
};

/** @public */
export const assetSchemas = {
  Asset: closedObject(
    ['id', 'tag', 'name', 'assetClass', 'type', 'criticality', 'dataClassification', 'externalIds', 'attributes', 'lifecycleStage', 'version', 'createdAt', 'updatedAt'],
    {
      id: text,
      ...fieldProperties,
      lifecycleStage: { type: 'string', enum: [...LIFECYCLE_STAGES] },
      version: { type: 'integer', minimum: 1, description: 'Counts the changes; a change sends it back as If-Match' },
      createdAt: dateTimeSchema,
      updatedAt: dateTimeSchema,
    },
    { description: 'An asset in the register', example: ASSET_EXAMPLE },
  ),
  NewAsset: closedObject(
    ['tag', 'name', 'assetClass', 'type'],
    { ...fieldProperties, lifecycleStage: { type: 'string', enum: [...LIFECYCLE_STAGES], description: '`planned` when absent' } },
    {
      description: 'An asset to register; criticality 3, internal data and no external ids or attributes when absent',
      example: { tag: 'LAP-0042', name: 'MacBook Pro 14 (Jane)', assetClass: 'hardware', type: 'laptop', owner: 'user:default/jane', lifecycleStage: 'ordered' },
    },
  ),
  AssetPatch: closedObject(
    [],
    Object.fromEntries(
      Object.entries(fieldProperties).map(([name, schema]) =>
        // Required fields and lists are replaced, never cleared.
        ['tag', 'name', 'assetClass', 'type', 'criticality', 'dataClassification', 'externalIds', 'attributes'].includes(name) ? [name, schema] : [name, orNull(schema)],
      ),
    ),
    {
      description: 'The fields to change; null clears an optional field. The lifecycle stage changes only through a transition.',
      example: { owner: 'group:default/platform', location: null },
    },
  ),
};
