// OpenAPI paths of the analytics routes, merged into the plugin's document.
import { errorResponses, jsonObjectResponse } from '../service/openapiParts';

const json = jsonObjectResponse;
const errors = errorResponses;
const day = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
});

/** @public */
export const analyticsPaths = {
  '/risks': {
    get: {
      operationId: 'getRiskFindings',
      parameters: [
        { name: 'assetId', in: 'query', required: false, description: 'Only findings about this asset', schema: { type: 'string' } },
      ],
      responses: { '200': json('The latest risk findings, most severe first'), ...errors(401, 403) },
    },
  },
  '/kpis': {
    get: {
      operationId: 'getKpis',
      parameters: [
        day('from', 'First day of the window (default: 89 days before `to`)'),
        day('to', 'Last day of the window (default: today)'),
        { name: 'currency', in: 'query', required: false, description: 'Currency of cost KPIs (default: the most common purchase currency)', schema: { type: 'string' } },
      ],
      responses: { '200': json('The KPIs of the window, each with its formula'), ...errors(400, 401, 403) },
    },
  },
  '/settings': {
    get: {
      operationId: 'getSettings',
      responses: {
        '200': json('The notice windows (days before a warranty, end of life or end of support is flagged) and the highest critical tier, as configured under itam.risk'),
        ...errors(401, 403),
      },
    },
  },
  '/maturity': {
    get: {
      operationId: 'getMaturity',
      responses: { '200': json('The ITAM maturity level and what the next level needs'), ...errors(401, 403) },
    },
  },
  '/impact': {
    post: {
      operationId: 'assessChangeImpact',
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
      responses: { '200': json('Affected assets and entities with paths, owners, and an explained risk score'), ...errors(400, 401, 403) },
    },
  },
} as const;
