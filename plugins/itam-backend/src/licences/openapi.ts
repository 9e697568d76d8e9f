// OpenAPI paths of the licence routes, merged into the plugin's document. Bodies are checked in
// depth by the zod schemas of @itam/common (400 naming the field).
import {
  errorResponses,
  ifMatchHeader,
  listResponse,
  pathParam,
  queryParam,
  schemaBody,
  schemaRef,
  schemaResponse,
} from '../service/openapiParts';
import { pageParams } from '../service/pagination';

const of = schemaResponse;
const listOf = listResponse;

// Licence query parameters are optional non-empty strings unless a schema is given.
const query = (name: string, description: string, schema: object = { type: 'string', minLength: 1 }) =>
  queryParam(name, schema, description);
const ifMatch = ifMatchHeader('The revision the change is based on, as its ETag, e.g. "3"');
const errors = errorResponses;
const productId = pathParam('id', 'Software product id');
const entitlementId = pathParam('id', 'Entitlement id');

/** @public */
export const licencePaths = {
  '/products': {
    get: {
      operationId: 'listSoftwareProducts',
      responses: { '200': listOf('Software products in id order, with their recognition rules', 'SoftwareProduct'), ...errors(401, 403) },
    },
    post: {
      operationId: 'createSoftwareProduct',
      requestBody: schemaBody('SoftwareProductInput'),
      responses: { '201': of('The product; its revision is the ETag', 'SoftwareProduct'), ...errors(400, 401, 403, 409) },
    },
  },
  '/products/{id}': {
    get: {
      operationId: 'getSoftwareProduct',
      parameters: [productId],
      responses: { '200': of('The product; its revision is the ETag', 'SoftwareProduct'), ...errors(401, 403, 404) },
    },
    put: {
      operationId: 'replaceSoftwareProduct',
      parameters: [productId, ifMatch],
      requestBody: schemaBody('SoftwareProductInput'),
      responses: { '200': of('The replaced product', 'SoftwareProduct'), ...errors(400, 401, 403, 404, 409) },
    },
  },
  '/products/{id}/assignments': {
    post: {
      operationId: 'assignSoftwareProduct',
      parameters: [productId],
      requestBody: schemaBody('AssignmentInput'),
      responses: {
        '200': of('The user already had the product', 'UserAssignment'),
        '201': of('The assignment', 'UserAssignment'),
        ...errors(400, 401, 403, 404, 422),
      },
    },
    delete: {
      operationId: 'unassignSoftwareProduct',
      parameters: [productId, { ...query('userRef', 'The user entity ref'), required: true }],
      responses: { '204': { description: 'Removed' }, ...errors(400, 401, 403, 404) },
    },
  },
  '/products/{id}/concurrent-peaks': {
    post: {
      operationId: 'recordConcurrentPeak',
      parameters: [productId],
      requestBody: schemaBody('ConcurrentPeakInput'),
      responses: { '201': of('The recorded peak', 'ConcurrentUsagePeak'), ...errors(400, 401, 403, 404) },
    },
  },
  '/entitlements': {
    get: {
      operationId: 'listEntitlements',
      parameters: [query('productId', 'Only the entitlements of this product')],
      responses: { '200': listOf('Entitlements in id order', 'Entitlement'), ...errors(400, 401, 403) },
    },
    post: {
      operationId: 'createEntitlement',
      requestBody: schemaBody('EntitlementInput'),
      responses: { '201': of('The entitlement; its revision is the ETag', 'Entitlement'), ...errors(400, 401, 403, 409, 422) },
    },
  },
  '/entitlements/{id}': {
    get: {
      operationId: 'getEntitlement',
      parameters: [entitlementId],
      responses: { '200': of('The entitlement; its revision is the ETag', 'Entitlement'), ...errors(401, 403, 404) },
    },
    put: {
      operationId: 'replaceEntitlement',
      parameters: [entitlementId, ifMatch],
      requestBody: schemaBody('EntitlementInput'),
      responses: { '200': of('The replaced entitlement', 'Entitlement'), ...errors(400, 401, 403, 404, 409, 422) },
    },
    delete: {
      operationId: 'deleteEntitlement',
      parameters: [entitlementId],
      responses: { '204': { description: 'Deleted' }, ...errors(401, 403, 404) },
    },
  },
  '/entitlements/{id}/allocations': {
    post: {
      operationId: 'allocateEntitlementSeat',
      parameters: [entitlementId],
      requestBody: schemaBody('SeatHolder'),
      responses: {
        '200': of('The entitlement; the device or user already held a seat', 'Entitlement'),
        '201': of('The entitlement with the seat allocated', 'Entitlement'),
        ...errors(400, 401, 403, 404, 422),
      },
    },
    delete: {
      operationId: 'releaseEntitlementSeat',
      parameters: [
        entitlementId,
        query('userRef', 'The user whose seat is released'),
        query('deviceId', 'The device (asset id or tag) whose seat is released'),
      ],
      responses: { '204': { description: 'Released' }, ...errors(400, 401, 403, 404) },
    },
  },
  '/installations': {
    get: {
      operationId: 'listInstallations',
      parameters: [
        query('assetId', 'Only the installations on this asset (id or tag)'),
        query('productId', 'Only the installations counted for this product (recorded or recognised)'),
        ...pageParams(500, 1000),
      ],
      responses: {
        '200': listOf('Installations with the product each counts for, in id order, a page at a time (nextCursor)', 'ListedInstallation', { nextCursor: { type: 'string' } }),
        ...errors(400, 401, 403),
      },
    },
    post: {
      operationId: 'createInstallation',
      requestBody: schemaBody('InstallationInput'),
      responses: { '201': of('The installation', 'ListedInstallation'), ...errors(400, 401, 403, 422) },
    },
  },
  '/installations/{id}': {
    delete: {
      operationId: 'deleteInstallation',
      parameters: [pathParam('id', 'Installation id')],
      responses: { '204': { description: 'Deleted' }, ...errors(401, 403, 404) },
    },
  },
  '/asset-licences': {
    get: {
      operationId: 'getAssetLicences',
      parameters: [
        {
          ...query('assetId', 'Asset ids, comma-separated (1 to 200); unknown ids and assets the caller may not read are left out'),
          required: true,
        },
      ],
      responses: {
        '200': {
          description:
            'Each asset’s licence status (the worst of its managed products’: under-licensed, incomplete, compliant or none) with the products behind it, from the latest stored positions; product positions are given to callers who may read the whole register',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['computedAt', 'items'],
                properties: {
                  computedAt: { type: 'string', format: 'date-time', description: 'When the positions read were reconciled' },
                  items: { type: 'array', items: schemaRef('AssetLicences') },
                },
                additionalProperties: false,
              },
            },
          },
        },
        ...errors(400, 401, 403),
      },
    },
  },
  '/licences/positions': {
    get: {
      operationId: 'getLicencePositions',
      responses: {
        '200': of(
          'The summary and every product’s effective licence position as the latest reconciliation stored it: status, figures per metric, true-up and how many harvest candidates (`harvestCandidateCount`); a product’s harvest candidates and per-consumer explanation are on its own route',
          'LicencePositions',
        ),
        ...errors(400, 401, 403),
      },
    },
  },
  '/licences/positions/{productId}': {
    get: {
      operationId: 'getLicencePosition',
      parameters: [pathParam('productId', 'Software product id')],
      responses: {
        '200': of(
          'The product’s position with its harvest candidates and full per-consumer explanation, its product family reconciled from the evidence when asked (`computedAt`) as of the stored positions’ day (`asOf`): the stored figures while the evidence has not changed since',
          'LicencePosition',
        ),
        ...errors(401, 403, 404),
      },
    },
  },
} as const;
