// OpenAPI paths of the Jira app's routes, merged into the plugin's document. None takes a site:
// it comes from the caller's credentials (see jiraCaller.ts).
import { TICKET_TEXT_LIMITS, TICKET_TYPES } from '@itam/common';
import { closedObject as closed, errorResponses, jsonResponse, pathParam, queryParam, schemaBody, schemaRef as ref } from '../service/openapiParts';

/** What the Jira app records of an issue on its links, as the issue is now. */
const issueDetailsProperties = {
  issueKey: { type: 'string', description: 'The issue key now, e.g. `OPS-7` (read case-insensitively)' },
  ticketType: { type: 'string', enum: [...TICKET_TYPES] },
  summary: { type: 'string', maxLength: TICKET_TEXT_LIMITS.summary },
  status: { type: 'string', maxLength: TICKET_TEXT_LIMITS.status },
  resolved: { type: 'boolean' },
};
const body = jsonResponse;
const issueAssets = (beside: Record<string, object> = {}) =>
  closed(['items'], { items: { type: 'array', items: ref('JiraIssueAsset') }, ...beside });

/** The bodies of the Jira app's routes (the tests check every response against them). @public */
export const jiraSchemas = {
  JiraConnection: {
    ...closed(['site', 'actor', 'via', 'permissions'], {
      site: { type: 'string', description: 'The Jira site the caller acts for' },
      actor: { type: 'string', description: 'What history and links record as the actor' },
      via: { type: 'string', enum: ['forge-invocation-token', 'static-token'] },
      permissions: { type: 'array', items: { type: 'string' }, description: 'The ITAM permissions the caller may use' },
    }),
    example: { site: 'acme.atlassian.net', actor: 'jira:acme.atlassian.net/557058:f1c2', via: 'forge-invocation-token', permissions: ['itam.asset.read', 'itam.ticket-link.create'] },
  },
  JiraIssueAsset: {
    ...closed(['asset', 'link', 'entities'], {
      asset: ref('Asset'),
      link: ref('AssetTicket'),
      entities: { type: 'array', items: ref('EntityLink'), description: 'The catalogue entities the asset serves' },
    }),
    description: 'An asset linked to the issue, with the link and the catalogue entities the asset serves',
  },
  JiraIssueDetails: closed(['issueKey', 'ticketType'], issueDetailsProperties, {
    description: 'The issue as it is now, recorded on the link',
    example: { issueKey: 'OPS-7', ticketType: 'incident', summary: 'Checkout fails with 502', status: 'In Progress', resolved: false },
  }),
  JiraIssueUpdate: closed(['issueKey'], issueDetailsProperties, {
    description: 'The issue as it is now, recorded on every link of it (after an edit, a move or a key rename); the ticket type stays as linked unless given',
    example: { issueKey: 'SHOP-12', summary: 'Checkout fails with 502', status: 'Done', resolved: true },
  }),
};

const issueId = pathParam('issueId', 'Jira issue id (the immutable number, not the key)');
const assetId = pathParam('assetId', 'Asset id');
const errors = errorResponses;

/** @public */
export const jiraPaths = {
  '/jira/connection': {
    get: {
      operationId: 'getJiraConnection',
      responses: { '200': body('The Jira site, actor and permissions of the caller', ref('JiraConnection')), ...errors(401, 403) },
    },
  },
  '/jira/issues/{issueId}': {
    put: {
      operationId: 'updateJiraIssue',
      parameters: [issueId],
      requestBody: schemaBody('JiraIssueUpdate'),
      responses: { '200': body("The issue's links after recording its key and details", issueAssets()), ...errors(400, 401, 403) },
    },
  },
  '/jira/issues/{issueId}/assets': {
    get: {
      operationId: 'getJiraIssueAssets',
      parameters: [
        issueId,
        queryParam('issueKey', { type: 'string' }, 'The issue key now, to find links made before ids were kept'),
        queryParam('include', { type: 'string', enum: ['licences'] }, 'licences: the licence status of each asset, beside the items'),
      ],
      responses: {
        '200': body(
          'Assets linked to the issue, with the entities they serve; with include=licences, each asset’s licence status beside them (`licences`, by asset id, as GET /asset-licences gives it)',
          issueAssets({ licences: ref('AssetListLicences') }),
        ),
        ...errors(400, 401, 403),
      },
    },
    delete: {
      operationId: 'forgetJiraIssue',
      parameters: [issueId],
      responses: {
        '200': body('How many links the deleted issue had', closed(['removed'], { removed: { type: 'integer', minimum: 0 } })),
        ...errors(400, 401, 403),
      },
    },
  },
  '/jira/issues/{issueId}/assets/{assetId}': {
    put: {
      operationId: 'linkJiraIssue',
      parameters: [issueId, assetId],
      requestBody: schemaBody('JiraIssueDetails'),
      responses: {
        '200': body('The link existed and was refreshed', closed(['created'], { created: { type: 'boolean', const: false } })),
        '201': body('The link was added', closed(['created'], { created: { type: 'boolean', const: true } })),
        ...errors(400, 401, 403, 404),
      },
    },
    delete: {
      operationId: 'unlinkJiraIssue',
      parameters: [issueId, assetId, queryParam('issueKey', { type: 'string' }, 'The issue key now, to find a link made before ids were kept')],
      responses: { '204': { description: 'Removed' }, ...errors(400, 401, 403, 404) },
    },
  },
} as const;
