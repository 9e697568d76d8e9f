// OpenAPI paths of the audit routes, merged into the plugin's document.
import {
  errorResponses,
  jsonObjectBody,
  jsonObjectResponse,
  pathParam,
  queryParam,
} from '../service/openapiParts';
import { AUDIT_FINDING_KINDS } from '@itam/common';
import { pageParams } from '../service/pagination';

const campaignId = pathParam('id', 'Audit campaign id');
const json = jsonObjectResponse;
const errors = errorResponses;
const body = jsonObjectBody;

/** @public */
export const auditPaths = {
  '/audits': {
    get: {
      operationId: 'listAuditCampaigns',
      responses: { '200': json('Recent audit campaigns, newest first'), ...errors(401, 403) },
    },
    post: {
      operationId: 'createAuditCampaign',
      requestBody: body,
      responses: { '201': json('The open campaign'), ...errors(400, 401, 403) },
    },
  },
  '/audits/{id}': {
    get: {
      operationId: 'getAuditCampaign',
      parameters: [campaignId],
      summary: 'Get an audit campaign',
      description:
        'The campaign with its figures in `result`: assets in scope, findings per kind, register accuracy and coverage. Live while the campaign is open (counted in the database), frozen once closed. The findings themselves are listed by `GET /audits/{id}/findings`.',
      responses: { '200': json('The campaign with its figures'), ...errors(401, 403, 404) },
    },
  },
  '/audits/{id}/findings': {
    get: {
      operationId: 'listAuditFindings',
      summary: 'List an audit campaign\'s findings',
      description:
        'A page of the findings: one per in-scope asset in tag order (byte order), then the unexpected finds in the order they were observed. Live while the campaign is open; frozen once closed (a cursor from before the close answers 400).',
      parameters: [
        campaignId,
        queryParam('kind', { type: 'string', enum: [...AUDIT_FINDING_KINDS] }, 'Only findings of this kind'),
        ...pageParams(50, 500),
      ],
      responses: { '200': json('A page of findings with `items` and `nextCursor` (absent on the last page)'), ...errors(400, 401, 403, 404) },
    },
  },
  '/audits/{id}/observations': {
    post: {
      operationId: 'addAuditObservations',
      parameters: [campaignId],
      requestBody: body,
      responses: { '201': json('The campaign with its updated figures'), ...errors(400, 401, 403, 404, 409) },
    },
  },
  '/audits/{id}/close': {
    post: {
      operationId: 'closeAuditCampaign',
      parameters: [campaignId],
      responses: { '200': json('The closed campaign with its frozen figures'), ...errors(401, 403, 404, 409) },
    },
  },
} as const;
