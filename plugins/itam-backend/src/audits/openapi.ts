// OpenAPI paths of the audit routes, merged into the plugin's document.
import { AUDIT_FINDING_KINDS } from '@itam/common';
import { errorResponses, listResponse, pathParam, queryParam, schemaBody, schemaRef, schemaResponse } from '../service/openapiParts';
import { pageParams } from '../service/pagination';

const campaignId = pathParam('id', 'Audit campaign id');
const of = schemaResponse;
const errors = errorResponses;

/** @public */
export const auditPaths = {
  '/audits': {
    get: {
      operationId: 'listAuditCampaigns',
      description: 'The 200 most recent campaigns, newest first, each with its frozen figures once closed.',
      responses: { '200': listResponse('Recent audit campaigns, newest first', 'AuditCampaign'), ...errors(401, 403) },
    },
    post: {
      operationId: 'createAuditCampaign',
      description: 'Opens a campaign over a scope of the register (classes, stages, locations, owners). Needs the audit permission.',
      requestBody: schemaBody('NewAuditCampaign'),
      responses: { '201': of('The open campaign', 'AuditCampaign'), ...errors(400, 401, 403) },
    },
  },
  '/audits/{id}': {
    get: {
      operationId: 'getAuditCampaign',
      parameters: [campaignId],
      summary: 'Get an audit campaign',
      description:
        'The campaign with its figures in `result`: assets in scope, findings per kind, register accuracy and coverage. Live while the campaign is open (counted in the database), frozen once closed. The findings themselves are listed by `GET /audits/{id}/findings`.',
      responses: { '200': of('The campaign with its figures', 'AuditCampaignWithResult'), ...errors(401, 403, 404) },
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
      responses: {
        '200': listResponse('A page of findings, and where the next page starts (absent on the last page)', 'AuditFinding', { nextCursor: { type: 'string' } }),
        ...errors(400, 401, 403, 404),
      },
    },
  },
  '/audits/{id}/observations': {
    post: {
      operationId: 'addAuditObservations',
      description:
        'Records what auditors saw, up to 5,000 observations per request, in one transaction. An asset seen is verified: its audit-overdue risk finding is refreshed in the same transaction. A closed campaign answers 409. Needs the audit permission.',
      parameters: [campaignId],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['observations'],
              properties: { observations: { type: 'array', items: schemaRef('AuditObservation'), minItems: 1, maxItems: 5000 } },
              additionalProperties: false,
            },
            example: { observations: [{ assetTag: 'LAP-0042', result: 'seen', location: 'Hamburg' }, { serialNumber: 'C02XK1JHJG5J', result: 'not-found' }] },
          },
        },
      },
      responses: { '201': of('The campaign with its updated figures', 'AuditCampaignWithResult'), ...errors(400, 401, 403, 404, 409) },
    },
  },
  '/audits/{id}/close': {
    post: {
      operationId: 'closeAuditCampaign',
      description:
        'Freezes the findings and figures as they stand, in one transaction; the campaign takes no more observations. Closing a closed campaign answers 409. Needs the audit permission.',
      parameters: [campaignId],
      responses: { '200': of('The closed campaign with its frozen figures', 'AuditCampaignWithResult'), ...errors(401, 403, 404, 409) },
    },
  },
} as const;
