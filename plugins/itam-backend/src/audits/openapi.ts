// OpenAPI paths of the audit routes, merged into the plugin's document.
import {
  errorResponses,
  jsonObjectBody,
  jsonObjectResponse,
  pathParam,
} from '../service/openapiParts';

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
      responses: { '200': json('The campaign with its findings and accuracy'), ...errors(401, 403, 404) },
    },
  },
  '/audits/{id}/observations': {
    post: {
      operationId: 'addAuditObservations',
      parameters: [campaignId],
      requestBody: body,
      responses: { '201': json('The campaign with its updated findings'), ...errors(400, 401, 403, 404, 409) },
    },
  },
  '/audits/{id}/close': {
    post: {
      operationId: 'closeAuditCampaign',
      parameters: [campaignId],
      responses: { '200': json('The closed campaign with its frozen findings'), ...errors(401, 403, 404, 409) },
    },
  },
} as const;
