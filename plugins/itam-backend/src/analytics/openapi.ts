// OpenAPI paths of the analytics routes, merged into the plugin's document.
import { RISK_RULE_IDS, RISK_SEVERITIES } from '@itam/common';
import { errorResponses, jsonObjectResponse, queryParam } from '../service/openapiParts';
import { pageParams } from '../service/pagination';

const json = jsonObjectResponse;
const errors = errorResponses;
const day = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
});

const days = { type: 'integer', minimum: 0, maximum: 36_500 };
/** What `GET /settings` answers: how the UIs judge an asset's dates and tier, as the risk rules do. */
const SETTINGS_SCHEMA = {
  type: 'object',
  required: ['noticeWindows', 'criticalTierMax'],
  properties: {
    noticeWindows: {
      type: 'object',
      required: ['warrantyDays', 'endOfLifeDays', 'endOfSupportDays'],
      properties: { warrantyDays: days, endOfLifeDays: days, endOfSupportDays: days },
      additionalProperties: false,
    },
    criticalTierMax: { type: 'integer', minimum: 1, maximum: 4, description: 'Criticality tiers up to this one are critical' },
  },
  additionalProperties: false,
};

/** @public */
export const analyticsPaths = {
  '/risks': {
    get: {
      operationId: 'getRiskFindings',
      summary: 'List risk findings',
      description:
        'A page of the risk findings (one per rule and subject), most severe first then by asset tag or label, with the counts of the whole filtered list per severity and per rule (each counted with the other filters applied). Asset writes refresh their assets\' findings before they commit; the scheduled task re-evaluates every asset as days pass. Before the first evaluation of the estate has finished (minutes at a million assets), a read waits up to 10 s for it, then answers 503 with `Retry-After`; a read filtered by `entityRef` or `assetId` has those assets evaluated at once instead.',
      parameters: [
        queryParam('severity', { type: 'string' }, `Comma-separated severities, any of: ${RISK_SEVERITIES.join(', ')}`),
        queryParam('ruleId', { type: 'string' }, `Comma-separated rule ids, any of: ${RISK_RULE_IDS.join(', ')}`),
        queryParam('owner', { type: 'string', maxLength: 512 }, 'Findings about assets this user or group owns (entity ref)'),
        queryParam('entityRef', { type: 'string', maxLength: 512 }, 'Findings about the assets linked to this catalogue entity'),
        queryParam('assetId', { type: 'string' }, 'Findings about these assets (comma-separated ids, at most 200)'),
        ...pageParams(100, 500),
      ],
      responses: { '200': json('A page of findings with `items`, `nextCursor` (absent on the last page) and `counts` (`total`, `bySeverity`, `byRule`)'), ...errors(400, 401, 403, 503) },
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
        '200': {
          description:
            'The notice windows (days before a warranty, end of life or end of support is flagged) and the highest critical tier, as configured under itam.risk',
          content: { 'application/json': { schema: SETTINGS_SCHEMA, example: { noticeWindows: { warrantyDays: 90, endOfLifeDays: 180, endOfSupportDays: 90 }, criticalTierMax: 2 } } },
        },
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
      requestBody: {
        required: true,
        description: 'The assets (ids or tags) and catalogue entities the change names, and its window (the next 24 hours when absent)',
        content: { 'application/json': { schema: { type: 'object' } } },
      },
      responses: { '200': json('Affected assets and entities with paths, owners, an explained risk score, and the window assessed'), ...errors(400, 401, 403) },
    },
  },
} as const;
