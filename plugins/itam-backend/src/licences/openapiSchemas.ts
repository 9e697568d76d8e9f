// The bodies of the licence routes, as the OpenAPI document describes them (the tests check
// every response against them: see itam.api.validateResponses). Shapes follow the types of
// @itam/common (StoredProduct, StoredEntitlement, StoredInstallation); rules beyond the shape
// (regular expressions, term order) are the zod schemas'.
import { CORE_COUNTING_RULES, LICENCE_METRICS } from '@itam/common';

const text = { type: 'string' };
const day = { type: 'string', format: 'date', description: 'Calendar day, YYYY-MM-DD' };
const dateTime = { type: 'string', format: 'date-time' };
const count = { type: 'integer', minimum: 0 };
const amount = { type: 'number', minimum: 0, description: 'Amount in `currency`, at most four decimal places' };
const currency = { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' };
/** When the record was stored and changed, and its revision (the ETag a change must send). */
const revisionProperties = { revision: { type: 'integer', minimum: 1 }, createdAt: dateTime, updatedAt: dateTime };

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
      publisher: 'Microsoft',
      name: 'SQL Server Enterprise',
      version: '2022',
      underManagement: true,
      coreCounting: 'all-cores',
      recognition: [{ publisher: 'Microsoft Corporation', namePattern: '/^Microsoft SQL Server 2022.*Enterprise/' }],
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
      productId: 'microsoft-sql-server-2022-enterprise',
      metric: 'per-core',
      quantity: 16,
      termStart: '2026-01-01',
      termEnd: '2026-12-31',
      unitCost: 7128,
      currency: 'EUR',
      downgradeRights: true,
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
};
