// The ITAM REST API, as an OpenAPI 3.1 document. The router is built from it with Backstage's
// createValidatedOpenApiRouter, one per path (see validatedRouter.ts), so requests are checked
// against it, and a test compares the routes the router serves with the paths listed here. Deep
// rules (formats, cross-field checks) come from the zod schemas of @itam/common, which answer
// with the same 400 shape.
import {
  ASSET_CLASSES,
  ASSET_LINK_TYPES,
  ENTITY_LINK_ROLES,
  HISTORY_EVENT_KINDS,
  LIFECYCLE_STAGES,
  TICKET_TYPES,
} from '@itam/common';
import { analyticsPaths } from '../analytics/openapi';
import { analyticsSchemas } from '../analytics/openapiSchemas';
import { auditPaths } from '../audits/openapi';
import { auditSchemas } from '../audits/openapiSchemas';
import { hardwareModelPaths } from '../hardwareModels/openapi';
import { importPaths } from '../imports/openapi';
import { jiraPaths, jiraSchemas } from '../jira/openapi';
import { licencePaths } from '../licences/openapi';
import { licenceSchemas } from '../licences/openapiSchemas';
import { assetSchemas, sanitisationSchema } from './assetSchemas';
import { closedObject, dateTimeSchema, errorResponses, ifMatchHeader, jsonResponse, pathParam, queryParam, schemaBody, schemaRef } from './openapiParts';
import { pageParams } from './pagination';

const ref = schemaRef;
const ok = jsonResponse;
const list = (item: object) => ({
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: item } },
});
/** A page of a list: its items and, unless it is the last, where the next page starts. */
const pagedList = (item: object, beside: Record<string, object> = {}) => ({
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: item }, nextCursor: { type: 'string' }, ...beside },
});
const errors = errorResponses;

/** An asset list's licence statuses beside its items (`include=licences`), by asset id. */
const ASSET_LIST_LICENCES_SCHEMA = {
  type: 'object',
  description:
    'With include=licences: by asset id, the worst licence status of the managed software on the asset and the products behind it (positions only for callers who may read the whole register), as GET /asset-licences gives it',
  additionalProperties: ref('AssetLicenceSummary'),
};
/** What a ticket link says of the ticket (the request body of a link, and part of a linked ticket). */
const TICKET_LINK_PROPERTIES = {
  site: { type: 'string' },
  issueKey: { type: 'string' },
  issueId: { type: 'string', pattern: '^[1-9][0-9]{0,17}$', description: 'The immutable Jira issue id; links made before it was recorded have none' },
  ticketType: { type: 'string', enum: [...TICKET_TYPES] },
  summary: { type: 'string' },
  status: { type: 'string' },
  resolved: { type: 'boolean' },
};
const ifMatch = ifMatchHeader('The version of the asset the change is based on, as its ETag, e.g. "3"');
const assetId = pathParam('id', 'Asset id');

const assetFilters = [
  queryParam('assetClass', { type: 'string', enum: [...ASSET_CLASSES] }, 'Asset class'),
  queryParam('type', { type: 'string' }, 'Asset type, e.g. laptop'),
  queryParam('lifecycleStage', { type: 'string', enum: [...LIFECYCLE_STAGES] }, 'Lifecycle stage'),
  queryParam('owner', { type: 'string' }, 'Owner entity ref'),
  queryParam('entityRef', { type: 'string' }, 'Linked catalogue entity ref'),
  queryParam('q', { type: 'string', maxLength: 200 }, 'Text search on tag, name and serial'),
];

/** `listAssetLinks` as `List asset links`: the summary of an operation that gives none. */
const summaryOf = (operationId: string) => {
  const words = operationId.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The paths, each operation with a summary (its own, or one read from its operation id). */
function withSummaries<P extends Record<string, Record<string, { operationId: string; summary?: string }>>>(paths: P): P {
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [
      path,
      Object.fromEntries(Object.entries(item).map(([method, op]) => [method, { summary: summaryOf(op.operationId), ...op }])),
    ]),
  ) as P;
}

/** The OpenAPI 3.1 document of the ITAM backend. @public */
export const itamOpenApiSpec = {
  openapi: '3.1.0',
  info: {
    title: 'itam',
    version: '1',
    description: 'IT Asset Management: the asset register, its lifecycle, links and history.',
    license: { name: 'Apache-2.0', url: 'http://www.apache.org/licenses/LICENSE-2.0.html' },
  },
  servers: [{ url: '/' }],
  // Every operation but the health check needs a Backstage token: the validators refuse a request
  // without a bearer token (401), and Backstage's auth service checks the token itself.
  security: [{ backstageToken: [] }],
  components: {
    securitySchemes: {
      backstageToken: {
        type: 'http',
        scheme: 'bearer',
        description:
          'A Backstage token: the signed-in user’s (the portal sends it), or a service or static external-access token (the Jira app, scripts).',
      },
    },
    schemas: {
      ...licenceSchemas,
      ...auditSchemas,
      ...analyticsSchemas,
      ...jiraSchemas,
      AssetListLicences: ASSET_LIST_LICENCES_SCHEMA,
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: { name: { type: 'string' }, message: { type: 'string' } },
          },
          violations: {
            type: 'array',
            items: ref('RuleViolation'),
          },
          issues: {
            type: 'array',
            items: {
              type: 'object',
              properties: { path: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
      },
      RuleViolation: {
        type: 'object',
        required: ['ruleId', 'message'],
        properties: {
          ruleId: { type: 'string' },
          message: { type: 'string' },
          field: { type: 'string', description: 'The field of the request the rule is about, when it is about one' },
        },
      },
      ...assetSchemas,
      Transition: {
        type: 'object',
        required: ['to'],
        properties: {
          to: { type: 'string', enum: [...LIFECYCLE_STAGES] },
          reason: { type: 'string' },
          sanitisation: sanitisationSchema,
        },
        additionalProperties: false,
      },
      TransitionOption: {
        type: 'object',
        required: ['to', 'allowed', 'violations'],
        properties: {
          to: { type: 'string' },
          allowed: { type: 'boolean' },
          violations: { type: 'array', items: ref('RuleViolation') },
        },
      },
      HistoryEvent: {
        type: 'object',
        required: ['assetId', 'version', 'kind', 'actor', 'at', 'changes'],
        properties: {
          assetId: { type: 'string' },
          version: { type: 'integer' },
          kind: { type: 'string', enum: [...HISTORY_EVENT_KINDS] },
          actor: { type: 'string', description: 'Entity ref of the acting principal' },
          at: dateTimeSchema,
          reason: { type: 'string' },
          changes: {
            type: 'array',
            items: closedObject(['field'], { field: { type: 'string' }, before: {}, after: {} }, { description: 'A changed field; an unset value is absent' }),
          },
          transition: closedObject(['from', 'to'], { from: { type: 'string', enum: [...LIFECYCLE_STAGES] }, to: { type: 'string', enum: [...LIFECYCLE_STAGES] } }),
        },
        additionalProperties: false,
      },
      EntityLink: {
        type: 'object',
        required: ['entityRef', 'role'],
        properties: {
          entityRef: { type: 'string' },
          role: { type: 'string', enum: [...ENTITY_LINK_ROLES] },
        },
        additionalProperties: false,
      },
      AssetLink: {
        type: 'object',
        required: ['type', 'targetAssetId'],
        properties: {
          type: { type: 'string', enum: [...ASSET_LINK_TYPES] },
          targetAssetId: { type: 'string' },
        },
        additionalProperties: false,
      },
      StoredAssetLink: {
        type: 'object',
        required: ['sourceAssetId', 'type', 'targetAssetId'],
        properties: {
          sourceAssetId: { type: 'string' },
          type: { type: 'string' },
          targetAssetId: { type: 'string' },
        },
      },
      TicketLink: {
        type: 'object',
        required: ['site', 'issueKey', 'ticketType'],
        properties: TICKET_LINK_PROPERTIES,
        additionalProperties: false,
      },
      AssetTicket: {
        type: 'object',
        description: 'A Jira ticket linked to an asset, with who linked it and when',
        required: ['assetId', 'site', 'issueKey', 'ticketType', 'createdAt', 'createdBy'],
        properties: {
          assetId: { type: 'string' },
          ...TICKET_LINK_PROPERTIES,
          createdAt: { type: 'string', format: 'date-time' },
          createdBy: { type: 'string', description: 'Entity ref of who linked it' },
        },
        additionalProperties: false,
      },
    },
    responses: Object.fromEntries(
      (
        [
          [400, 'Bad input: the message names the field', { error: { name: 'InputError', message: 'limit: Number must be less than or equal to 500' }, issues: [{ path: 'limit', message: 'Number must be less than or equal to 500' }] }],
          [401, 'Not authenticated', { error: { name: 'AuthenticationError', message: 'Missing credentials' } }],
          [403, 'Not allowed by the permission policy', { error: { name: 'NotAllowedError', message: 'Unauthorized' } }],
          [404, 'Not found', { error: { name: 'NotFoundError', message: 'No asset with id 3f0c2a6e-6a55-4c3e-9a55-0d2b7f1e8c11' } }],
          [409, 'Version conflict or duplicate', { error: { name: 'ConflictError', message: 'Asset SRV-00001 is at version 4, not 3: someone changed it; reload and retry' } }],
          [422, 'Refused by a business rule, or an unknown catalogue entity', { error: { name: 'ItamRuleViolationError', message: 'The asset needs an owner before it is deployed [deploy-requires-owner]' }, violations: [{ ruleId: 'deploy-requires-owner', message: 'The asset needs an owner before it is deployed' }] }],
          [503, 'Not ready yet (the first evaluation of the estate is running): ask again after the `Retry-After` seconds', { error: { name: 'ServiceUnavailableError', message: 'Risk findings are being evaluated for the first time (120000 assets evaluated so far); ask again in a minute, or filter by entity or asset to see their findings now' } }],
        ] as const
      ).map(([code, description, example]) => [
        `Error${code}`,
        { description, content: { 'application/json': { schema: ref('Error'), example } } },
      ]),
    ),
  },
  paths: withSummaries({
    ...auditPaths,
    ...analyticsPaths,
    ...jiraPaths,
    ...importPaths,
    ...licencePaths,
    ...hardwareModelPaths,
    '/health': {
      get: {
        operationId: 'getHealth',
        security: [],
        responses: {
          '200': ok('The plugin is up', {
            type: 'object',
            required: ['status'],
            properties: { status: { type: 'string', const: 'ok' } },
            additionalProperties: false,
          }),
        },
      },
    },
    '/assets': {
      get: {
        operationId: 'listAssets',
        parameters: [
          ...assetFilters,
          queryParam(
            'id',
            { type: 'string', example: '3f0c2a4e-1b7d-4c55-9a0e-6d2f8b1c9e01,7a9e1c2d-5b3f-4e8a-b6c0-2d4f6a8b0c1e' },
            'Only these assets: up to 100 comma-separated ids (unknown or hidden ids are left out)',
          ),
          queryParam('include', { type: 'string', enum: ['entityLinks'] }, 'Add each asset’s catalogue links'),
          queryParam('limit', { type: 'integer', minimum: 1, maximum: 500 }, 'Page size (default 50)'),
          queryParam('cursor', { type: 'string' }, 'nextCursor of the previous page'),
        ],
        responses: {
          '200': ok('A page of assets in tag order', {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: ref('Asset') }, nextCursor: { type: 'string' } },
          }),
          ...errors(400, 401, 403),
        },
      },
      post: {
        operationId: 'createAsset',
        requestBody: schemaBody('NewAsset'),
        responses: { '201': ok('The created asset', ref('Asset')), ...errors(400, 401, 403, 409, 422) },
      },
    },
    '/assets/export.csv': {
      get: {
        operationId: 'exportAssetsCsv',
        parameters: assetFilters,
        responses: {
          '200': { description: 'The register as CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
          ...errors(400, 401, 403),
        },
      },
    },
    '/assets/{id}': {
      get: {
        operationId: 'getAsset',
        parameters: [pathParam('id', 'Asset id, or asset tag')],
        responses: { '200': ok('The asset', ref('Asset')), ...errors(401, 403, 404) },
      },
      patch: {
        operationId: 'updateAsset',
        parameters: [assetId, ifMatch],
        requestBody: schemaBody('AssetPatch'),
        responses: { '200': ok('The updated asset', ref('Asset')), ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    '/assets/{id}/transitions': {
      get: {
        operationId: 'getTransitionOptions',
        parameters: [assetId],
        responses: { '200': ok('Next stages, each with what blocks it', list(ref('TransitionOption'))), ...errors(401, 403, 404) },
      },
      post: {
        operationId: 'transitionAsset',
        parameters: [assetId, ifMatch],
        requestBody: schemaBody('Transition'),
        responses: { '200': ok('The asset in its new stage', ref('Asset')), ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    '/assets/{id}/history': {
      get: {
        operationId: 'getAssetHistory',
        parameters: [assetId, ...pageParams(200, 1000)],
        responses: { '200': ok('The audit trail, oldest first, a page at a time', pagedList(ref('HistoryEvent'))), ...errors(400, 401, 403, 404) },
      },
    },
    '/assets/{id}/entity-links': {
      get: {
        operationId: 'getEntityLinks',
        parameters: [assetId],
        responses: { '200': ok('Catalogue entities of the asset', list(ref('EntityLink'))), ...errors(401, 403, 404) },
      },
      post: {
        operationId: 'addEntityLink',
        parameters: [assetId],
        requestBody: schemaBody('EntityLink'),
        responses: {
          '200': ok('The link already existed', ref('EntityLink')),
          '201': ok('The link was added', ref('EntityLink')),
          ...errors(400, 401, 403, 404, 422),
        },
      },
      delete: {
        operationId: 'removeEntityLink',
        parameters: [
          assetId,
          { ...queryParam('entityRef', { type: 'string' }, 'Entity ref'), required: true },
          { ...queryParam('role', { type: 'string', enum: [...ENTITY_LINK_ROLES] }, 'Role'), required: true },
        ],
        responses: { '204': { description: 'Removed' }, ...errors(400, 401, 403, 404) },
      },
    },
    '/assets/{id}/asset-links': {
      get: {
        operationId: 'getAssetLinks',
        parameters: [assetId],
        responses: { '200': ok('Links from and to the asset', list(ref('StoredAssetLink'))), ...errors(401, 403, 404) },
      },
      post: {
        operationId: 'addAssetLink',
        parameters: [assetId],
        requestBody: schemaBody('AssetLink'),
        responses: {
          '200': ok('The link already existed', ref('StoredAssetLink')),
          '201': ok('The link was added', ref('StoredAssetLink')),
          ...errors(400, 401, 403, 404, 422),
        },
      },
      delete: {
        operationId: 'removeAssetLink',
        parameters: [
          assetId,
          { ...queryParam('type', { type: 'string', enum: [...ASSET_LINK_TYPES] }, 'Link type'), required: true },
          { ...queryParam('targetAssetId', { type: 'string' }, 'Target asset id'), required: true },
        ],
        responses: { '204': { description: 'Removed' }, ...errors(400, 401, 403, 404) },
      },
    },
    '/assets/{id}/tickets': {
      get: {
        operationId: 'getAssetTickets',
        parameters: [assetId],
        responses: { '200': ok('Jira tickets linked to the asset, newest first', list(ref('AssetTicket'))), ...errors(401, 403, 404) },
      },
      post: {
        operationId: 'linkTicket',
        parameters: [assetId],
        requestBody: schemaBody('TicketLink'),
        responses: {
          '200': ok('The link existed and was refreshed', ref('TicketLink')),
          '201': ok('The link was added', ref('TicketLink')),
          ...errors(400, 401, 403, 404),
        },
      },
      delete: {
        operationId: 'unlinkTicket',
        parameters: [
          assetId,
          { ...queryParam('site', { type: 'string' }, 'Jira site'), required: true },
          { ...queryParam('issueKey', { type: 'string' }, 'Issue key'), required: true },
        ],
        responses: { '204': { description: 'Removed' }, ...errors(400, 401, 403, 404) },
      },
    },
    '/tickets/{site}/{issueKey}/assets': {
      get: {
        operationId: 'getTicketAssets',
        parameters: [pathParam('site', 'Jira site host'), pathParam('issueKey', 'Issue key')],
        responses: {
          '200': ok(
            'Assets linked to the ticket, each with its link',
            list(closedObject(['asset', 'link'], { asset: ref('Asset'), link: ref('AssetTicket') })),
          ),
          ...errors(400, 401, 403),
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/assets': {
      get: {
        operationId: 'getEntityAssets',
        parameters: [
          pathParam('kind', 'Entity kind'),
          pathParam('namespace', 'Entity namespace'),
          pathParam('name', 'Entity name'),
          ...pageParams(200, 1000),
          queryParam('include', { type: 'string', enum: ['licences'] }, 'licences: the licence status of each asset of the page, beside the items'),
        ],
        responses: {
          '200': ok(
            'Assets linked to the entity, with their role, in tag then role order, a page at a time; with include=licences, the licence status of each asset of the page beside them (`licences`, by asset id)',
            pagedList(
              {
                type: 'object',
                required: ['asset', 'role'],
                properties: { asset: ref('Asset'), role: { type: 'string', enum: [...ENTITY_LINK_ROLES] } },
              },
              { licences: ref('AssetListLicences') },
            ),
          ),
          ...errors(400, 401, 403),
        },
      },
    },
  }),
} as const;
