// OpenAPI paths of the audit routes, merged into the plugin's document.
const campaignId = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'Audit campaign id',
  schema: { type: 'string', minLength: 1 },
};
const json = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object' } } },
});
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map(code => [String(code), { $ref: `#/components/responses/Error${code}` }]));
const body = { required: true, content: { 'application/json': { schema: { type: 'object' } } } };

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
