// OpenAPI paths of the Jira app's routes, merged into the plugin's document. None takes a site:
// it comes from the caller's credentials (see jiraCaller.ts).
import {
  errorResponses,
  jsonObjectBody,
  jsonObjectResponse,
  pathParam,
  queryParam,
} from '../service/openapiParts';

const issueId = pathParam('issueId', 'Jira issue id (the immutable number, not the key)');
const assetId = pathParam('assetId', 'Asset id');
const json = jsonObjectResponse;
const errors = errorResponses;

/** @public */
export const jiraPaths = {
  '/jira/connection': {
    get: {
      operationId: 'getJiraConnection',
      responses: { '200': json('The Jira site, actor and permissions of the caller'), ...errors(401, 403) },
    },
  },
  '/jira/issues/{issueId}': {
    put: {
      operationId: 'updateJiraIssue',
      parameters: [issueId],
      requestBody: jsonObjectBody,
      responses: { '200': json("The issue's links after recording its key and details"), ...errors(400, 401, 403) },
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
        '200': json(
          'Assets linked to the issue, with the entities they serve; with include=licences, each asset’s licence status beside them (`licences`, by asset id, as GET /asset-licences gives it)',
        ),
        ...errors(400, 401, 403),
      },
    },
    delete: {
      operationId: 'forgetJiraIssue',
      parameters: [issueId],
      responses: { '200': json('How many links the deleted issue had'), ...errors(400, 401, 403) },
    },
  },
  '/jira/issues/{issueId}/assets/{assetId}': {
    put: {
      operationId: 'linkJiraIssue',
      parameters: [issueId, assetId],
      requestBody: jsonObjectBody,
      responses: {
        '200': json('The link existed and was refreshed'),
        '201': json('The link was added'),
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
