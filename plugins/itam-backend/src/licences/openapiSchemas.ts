// The bodies of the licence routes, as the OpenAPI document describes them (the tests check
// every response against them: see itam.api.validateResponses). Shapes follow the types of
// @itam/common (StoredProduct, StoredEntitlement, StoredInstallation); rules beyond the shape
// (regular expressions, term order) are the zod schemas'.
import {
  ASSET_LICENCE_STATUSES,
  CONSUMER_KINDS,
  CORE_COUNTING_RULES,
  DEMAND_RULES,
  EXPLANATION_CODES,
  LICENCE_METRICS,
  LICENCE_STATUSES,
  LICENCE_UNITS,
  type AssetLicenceStatus,
} from '@itam/common';
import { closedObject, countSchema, dateTimeSchema, daySchema, schemaRef as ref, textSchema } from '../service/openapiParts';

const text = textSchema;
const day = daySchema;
const dateTime = dateTimeSchema;
const count = countSchema;
const amount = { type: 'number', minimum: 0, description: 'Amount in `currency`, at most four decimal places' };
const currency = { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' };
/** When the record was stored and changed, and its revision (the ETag a change must send). */
const revisionProperties = { revision: { type: 'integer', minimum: 1 }, createdAt: dateTime, updatedAt: dateTime };

const metric = { type: 'string', enum: [...LICENCE_METRICS] };
const unit = { type: 'string', enum: [...LICENCE_UNITS] };
const texts = { type: 'array', items: text };
/** A figure that is absent (`null`) where it means nothing: mixed units, unpriced, unlimited. */
const figureOrNull = { type: ['number', 'null'] };
const closed = closedObject;
/** The figures of a product's position a list of every product shows (see ListedProductPosition in @itam/common). */
const listedPositionProperties = {
  productId: text,
  publisher: text,
  name: text,
  version: text,
  underManagement: { type: 'boolean' },
  status: { type: 'string', enum: [...LICENCE_STATUSES] },
  unit: { type: ['string', 'null'], enum: [...LICENCE_UNITS, null], description: 'The unit of `required`, `owned` and `position`; null when lines mix units or there are none' },
  required: figureOrNull,
  owned: figureOrNull,
  position: { type: ['number', 'null'], description: '`owned − required`; negative is a shortfall' },
  lines: { type: 'array', items: ref('MetricPosition'), description: 'One line per metric the demand or own rights are counted in' },
  trueUp: ref('TrueUpEstimate'),
};
const LISTED_POSITION_REQUIRED = ['productId', 'publisher', 'name', 'underManagement', 'status', 'unit', 'required', 'owned', 'position', 'lines', 'trueUp'];
/** What the licence statuses of an asset list say of each asset (see AssetLicences in @itam/common). */
const assetLicenceProperties = {
  status: {
    type: 'string',
    enum: [...ASSET_LICENCE_STATUSES] satisfies AssetLicenceStatus[],
    description: 'The worst status its managed products give it; `none` when it runs no managed product',
  },
  products: { type: 'array', items: ref('InstalledProductLicence'), description: 'The managed products on the asset, worst status first' },
};

/** A product and an entitlement as a client sends them (the stored ones add id, revision and times). */
const PRODUCT_EXAMPLE = {
  publisher: 'Microsoft',
  name: 'SQL Server Enterprise',
  version: '2022',
  underManagement: true,
  coreCounting: 'all-cores',
  recognition: [{ publisher: 'Microsoft Corporation', namePattern: '/^Microsoft SQL Server 2022.*Enterprise/' }],
};
const ENTITLEMENT_EXAMPLE = {
  productId: 'microsoft-sql-server-2022-enterprise',
  metric: 'per-core',
  quantity: 16,
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
  unitCost: 7128,
  currency: 'EUR',
  downgradeRights: true,
};

/** @public */
export const licenceSchemas = {
  SoftwareProduct: {
    type: 'object',
    description: 'A software product (publisher + name + version) with the rules that recognise raw installations as it',
    required: ['id', 'publisher', 'name', 'underManagement', 'revision', 'createdAt', 'updatedAt'],
    properties: {
      id: text,
      publisher: text,
      name: text,
      version: text,
      underManagement: { type: 'boolean', description: 'Only products under management are reconciled' },
      coreCounting: { type: 'string', enum: [...CORE_COUNTING_RULES] },
      recognition: {
        type: 'array',
        items: {
          type: 'object',
          required: ['namePattern'],
          properties: { publisher: text, namePattern: text },
          additionalProperties: false,
        },
      },
      ...revisionProperties,
    },
    additionalProperties: false,
    example: {
      id: 'microsoft-sql-server-2022-enterprise',
      ...PRODUCT_EXAMPLE,
      revision: 1,
      createdAt: '2026-11-02T09:00:00.000Z',
      updatedAt: '2026-11-02T09:00:00.000Z',
    },
  },
  Entitlement: {
    type: 'object',
    description: 'Rights bought for a product, in the unit of its metric',
    required: ['id', 'productId', 'metric', 'revision', 'createdAt', 'updatedAt'],
    properties: {
      id: text,
      productId: text,
      metric: { type: 'string', enum: [...LICENCE_METRICS] },
      quantity: count,
      termStart: day,
      termEnd: day,
      unitCost: amount,
      currency,
      downgradeRights: { type: 'boolean' },
      purchase: {
        type: 'object',
        properties: { date: day, cost: amount, currency, supplier: text, orderNumber: text },
        additionalProperties: false,
      },
      maintained: { type: 'boolean' },
      reassignable: { type: 'boolean' },
      allocations: {
        type: 'object',
        properties: { deviceIds: { type: 'array', items: text }, userRefs: { type: 'array', items: text } },
        additionalProperties: false,
      },
      ...revisionProperties,
    },
    additionalProperties: false,
    example: {
      id: 'ent-sql-2026',
      ...ENTITLEMENT_EXAMPLE,
      revision: 2,
      createdAt: '2026-01-05T10:00:00.000Z',
      updatedAt: '2026-03-01T08:30:00.000Z',
    },
  },
  ListedInstallation: {
    type: 'object',
    description:
      'Software found on an asset: recorded against a product (`productId`) or raw as discovery reported it (`productId` null), with the product it counts for (`matchedProductId`, from the recognition rules for a raw one)',
    required: ['id', 'assetId', 'productId', 'productName', 'source', 'recordedAt', 'matchedProductId'],
    properties: {
      id: text,
      assetId: text,
      productId: { type: ['string', 'null'] },
      productName: text,
      version: text,
      publisher: text,
      installDate: day,
      lastUsed: { type: ['string', 'null'], description: 'Last day of use; null when metering saw no use; absent when not metered' },
      source: { type: 'string', description: 'Where it was recorded: `api`, or the discovery import' },
      recordedAt: dateTime,
      matchedProductId: { type: ['string', 'null'] },
    },
    additionalProperties: false,
    example: {
      id: '4711',
      assetId: '3f0c2a6e-6a55-4c3e-9a55-0d2b7f1e8c11',
      productId: null,
      productName: 'Microsoft SQL Server 2022 (64-bit) Enterprise Edition',
      publisher: 'Microsoft Corporation',
      version: '16.0.1000.6',
      source: 'glpi',
      recordedAt: '2026-11-20T06:00:00.000Z',
      matchedProductId: 'microsoft-sql-server-2022-enterprise',
    },
  },
  UserAssignment: {
    type: 'object',
    required: ['productId', 'userRef'],
    properties: { productId: text, userRef: { type: 'string', description: 'User entity ref' } },
    additionalProperties: false,
    example: { productId: 'figma-professional', userRef: 'user:default/jane' },
  },
  ConcurrentUsagePeak: {
    type: 'object',
    required: ['productId', 'peak', 'observedAt'],
    properties: { productId: text, peak: count, observedAt: day },
    additionalProperties: false,
    example: { productId: 'matlab', peak: 42, observedAt: '2026-11-30' },
  },
  InstalledProductLicence: closed(['productId', 'name', 'publisher', 'status', 'position', 'unit'], {
    productId: text,
    name: { type: 'string', description: 'Name and version' },
    publisher: text,
    status: { type: 'string', enum: LICENCE_STATUSES.filter(status => status !== 'unreconciled') },
    position: { type: ['number', 'null'], description: 'Owned minus required in `unit` (negative: short); null when lines mix units' },
    unit: { type: ['string', 'null'], enum: [...LICENCE_UNITS, null] },
  }),
  AssetLicenceSummary: closed(['status', 'products'], assetLicenceProperties, {
    description: 'An asset\'s licence status as an asset list carries it (`include=licences`)',
  }),
  AssetLicences: closed(['assetId', 'status', 'products'], { assetId: text, ...assetLicenceProperties }),
  TrueUpEstimate: closed(['cost', 'currency', 'complete'], {
    cost: { type: 'number', minimum: 0 },
    currency: { type: ['string', 'null'], description: 'The currency of every price; null when nothing is priced' },
    complete: { type: 'boolean', description: 'False when part of a shortfall has no price, so `cost` understates the true-up' },
  }),
  MetricPosition: closed(
    ['metric', 'unit', 'required', 'entitled', 'owned', 'position', 'consumed', 'coveredByUnlimited', 'shortfall', 'surplus', 'unlimited', 'unitCost', 'priceEntitlementId', 'trueUpCost'],
    {
      metric,
      unit,
      required: { type: 'number', description: 'Demand counted in this metric (after vendor rounding)' },
      entitled: { type: 'number', description: 'Own rights in this metric active on the date' },
      owned: { type: 'number', description: 'Effective rights: what covered the demand plus own rights left unused' },
      position: { type: 'number', description: '`owned − required`; negative is a shortfall' },
      consumed: { type: 'number' },
      coveredByUnlimited: { type: 'number' },
      shortfall: { type: 'number' },
      surplus: { type: 'number' },
      unlimited: { type: 'boolean' },
      unitCost: figureOrNull,
      priceEntitlementId: { type: ['string', 'null'] },
      trueUpCost: { type: ['number', 'null'], description: '`shortfall × unitCost`; null when short without a price' },
    },
    { description: 'The position of a product in one metric' },
  ),
  LicencePositionSummary: closed(['products', 'reconciled', 'byStatus', 'complianceRate', 'trueUp', 'harvestCandidates'], {
    products: count,
    reconciled: { ...count, description: 'Products under management' },
    byStatus: closed([...LICENCE_STATUSES], Object.fromEntries(LICENCE_STATUSES.map(status => [status, count]))),
    complianceRate: { type: ['number', 'null'], minimum: 0, maximum: 1, description: 'Reconciled products proven to have no shortfall ÷ reconciled products' },
    trueUp: ref('TrueUpEstimate'),
    harvestCandidates: count,
  }),
  ListedProductPosition: closed(
    [...LISTED_POSITION_REQUIRED, 'harvestCandidateCount'],
    { ...listedPositionProperties, harvestCandidateCount: count },
    { description: 'A product\'s position as the list of every product shows it: its harvest candidates and explanation are on its own route' },
  ),
  LicencePositions: closed(
    ['computedAt', 'asOf', 'harvestAfterDays', 'concurrentPeakWindowDays', 'products', 'summary'],
    {
      computedAt: { ...dateTime, description: 'When the reconciliation ran' },
      asOf: day,
      harvestAfterDays: count,
      concurrentPeakWindowDays: count,
      products: { type: 'array', items: ref('ListedProductPosition'), description: 'Every product, by id' },
      summary: ref('LicencePositionSummary'),
    },
  ),
  LicencePosition: closed(
    [...LISTED_POSITION_REQUIRED, 'harvestCandidates', 'explanation', 'computedAt', 'asOf', 'harvestAfterDays'],
    {
      ...listedPositionProperties,
      harvestCandidates: {
        type: 'array',
        items: closed(['installationId', 'deviceId', 'lastUsed', 'daysUnused', 'reason'], {
          installationId: text,
          deviceId: text,
          lastUsed: { type: ['string', 'null'], description: 'Null when metering saw no use at all' },
          daysUnused: { type: ['integer', 'null'], minimum: 0 },
          reason: { type: 'string', enum: ['never-used', 'unused'] },
        }),
      },
      explanation: closed(['consumers', 'entitlements', 'ignoredEvidence'], {
        consumers: {
          type: 'array',
          description: 'Which evidence needed what, and which entitlements covered it: one entry per consumer',
          items: closed(['consumerKind', 'consumerId', 'installationIds', 'metric', 'demand', 'basis', 'consumed', 'shortfall', 'notes'], {
            consumerKind: { type: 'string', enum: [...CONSUMER_KINDS, 'rounding'] },
            consumerId: { type: 'string', description: 'The device (or host), user ref, `concurrent`, or `oracle-rounding:<factor>`' },
            installationIds: texts,
            deviceIds: texts,
            userRef: text,
            peak: { type: 'number' },
            observedAt: text,
            metric,
            demand: { type: 'number' },
            basis: closed(['rule', 'formula'], {
              rule: { type: 'string', enum: [...DEMAND_RULES] },
              formula: { type: 'string', description: 'The arithmetic with the actual figures, e.g. `max(16, 2 × max(8, 12)) = 24`' },
              factsDeviceId: text,
              processors: { type: 'number' },
              coresPerProcessor: { type: 'number' },
              virtualOses: { type: 'number' },
              factor: { type: 'number' },
              pvuPerCore: { type: 'number' },
              tableEntry: { type: ['string', 'null'] },
              factsIncomplete: { type: 'boolean' },
            }),
            consumed: {
              type: 'array',
              items: closed(['entitlementId', 'productId', 'amount', 'via', 'match'], {
                entitlementId: text,
                productId: text,
                amount: { type: 'number' },
                via: { type: 'string', enum: ['allocation', 'unlimited', 'pool'] },
                match: { type: 'string', enum: ['same-version', 'version-independent', 'downgrade'] },
              }),
            },
            shortfall: { type: 'number' },
            notes: {
              type: 'array',
              items: closed(['code', 'message'], {
                code: { type: 'string', enum: [...EXPLANATION_CODES] },
                message: text,
                entitlementId: text,
              }),
            },
          },
          {
            // The reconciliation's consumer objects are their own explanations (a million are not
            // copied into results); one working field stays on them, unset, which JSON leaves out.
            additionalProperties: true,
          }),
        },
        entitlements: {
          type: 'array',
          items: closed(['entitlementId', 'metric', 'quantity', 'termStatus', 'consumed', 'remaining', 'lentToOtherVersions', 'consumers'], {
            entitlementId: text,
            metric,
            quantity: { type: ['number', 'null'], description: 'Null for site and unlimited rights' },
            termStatus: { type: 'string', enum: ['active', 'expired', 'not-started'] },
            consumed: { type: 'number' },
            remaining: { type: ['number', 'null'] },
            lentToOtherVersions: { type: 'number' },
            consumers: count,
          }),
        },
        ignoredEvidence: {
          type: 'array',
          items: closed(['kind', 'count', 'reason'], { kind: { type: 'string', enum: [...CONSUMER_KINDS] }, count, reason: text }),
        },
      }),
      computedAt: { ...dateTime, description: 'When the product family was reconciled from the evidence' },
      asOf: day,
      harvestAfterDays: count,
    },
    { description: 'A product\'s position with its harvest candidates and full per-consumer explanation' },
  ),
  SoftwareProductInput: closed(
    ['publisher', 'name', 'underManagement'],
    {
      id: { type: 'string', minLength: 1, maxLength: 200, description: 'Given on create to choose the id; on replace, absent or the id in the path' },
      publisher: { type: 'string', minLength: 1, maxLength: 200 },
      name: { type: 'string', minLength: 1, maxLength: 200 },
      version: { type: 'string', minLength: 1, maxLength: 64, description: 'Licensable version, e.g. `2022`; absent for a version-independent product' },
      underManagement: { type: 'boolean', description: 'Only products under management are reconciled' },
      coreCounting: { type: 'string', enum: [...CORE_COUNTING_RULES], description: 'How per-core rights count cores; `all-cores` when absent' },
      recognition: {
        type: 'array',
        maxItems: 50,
        description: 'Rules that recognise raw installations as this product: a publisher and a name, exact or a `/regular expression/`',
        items: closed(['namePattern'], { publisher: { type: 'string', minLength: 1, maxLength: 200 }, namePattern: { type: 'string', minLength: 1 } }),
      },
    },
    {
      description: 'A software product as created or replaced',
      example: PRODUCT_EXAMPLE,
    },
  ),
  EntitlementInput: closed(
    ['productId', 'metric'],
    {
      id: { type: 'string', minLength: 1, maxLength: 200, description: 'Given on create to choose the id; on replace, absent or the id in the path' },
      productId: { type: 'string', minLength: 1, maxLength: 200 },
      metric: { type: 'string', enum: [...LICENCE_METRICS] },
      quantity: { ...count, description: 'In the metric\'s unit; required unless the metric is site or unlimited' },
      termStart: day,
      termEnd: { ...day, description: 'Last day of the term, not before termStart' },
      unitCost: amount,
      currency: { ...currency, description: 'ISO 4217 code; required with unitCost' },
      downgradeRights: { type: 'boolean' },
      purchase: closed([], { date: day, cost: amount, currency, supplier: text, orderNumber: text }),
      maintained: { type: 'boolean' },
      reassignable: { type: 'boolean' },
      allocations: closed([], {
        deviceIds: { type: 'array', items: text, maxItems: 100_000, description: 'Devices (per-device metrics) the rights go to first' },
        userRefs: { type: 'array', items: text, maxItems: 100_000, description: 'Users (per-user metrics) the rights go to first' },
      }),
    },
    {
      description: 'Rights bought for a product, as created or replaced',
      example: ENTITLEMENT_EXAMPLE,
    },
  ),
  InstallationInput: closed(
    ['deviceId', 'productId'],
    {
      deviceId: { type: 'string', minLength: 1, maxLength: 200, description: 'The asset the product is installed on (id or tag)' },
      productId: { type: 'string', minLength: 1, maxLength: 200 },
      version: { type: 'string', minLength: 1, maxLength: 100, description: 'The discovered build' },
      lastUsed: { type: ['string', 'null'], description: 'Last day of use (YYYY-MM-DD or an ISO date-time); null when metering saw no use; absent when not metered' },
    },
    { description: 'A product installed on an asset', example: { deviceId: 'SRV-00001', productId: 'microsoft-sql-server-2022-enterprise', version: '16.0.1000.6', lastUsed: '2026-12-01' } },
  ),
  AssignmentInput: closed(['userRef'], { userRef: { type: 'string', minLength: 1, description: 'The user (`jane` reads as `user:default/jane`)' } }, { example: { userRef: 'user:default/jane' } }),
  ConcurrentPeakInput: closed(
    ['peak', 'observedAt'],
    { peak: count, observedAt: { type: 'string', description: 'The day of the observation (YYYY-MM-DD or an ISO date-time)' } },
    { example: { peak: 42, observedAt: '2026-11-30' } },
  ),
  SeatHolder: closed(
    [],
    {
      userRef: { type: 'string', minLength: 1, description: 'A user (`jane` reads as `user:default/jane`)' },
      deviceId: { type: 'string', minLength: 1, maxLength: 200, description: 'A device (asset id or tag)' },
    },
    { description: 'Who takes the seat: exactly one of a user or a device', example: { userRef: 'user:default/jane' } },
  ),
};
