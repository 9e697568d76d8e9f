// OpenAPI paths of the analytics routes, merged into the plugin's document.
import { RISK_RULE_IDS, RISK_SEVERITIES } from '@itam/common';
import { errorResponses, jsonResponse, listResponse, queryParam, schemaBody, schemaRef, schemaResponse } from '../service/openapiParts';
import { pageParams } from '../service/pagination';

const of = schemaResponse;
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
      responses: {
        '200': listResponse(
          'A page of findings, where the next page starts (absent on the last page), and the counts of the whole filtered list',
          'RiskFindingItem',
          {
            computedAt: { type: 'string', format: 'date-time', description: "When the scheduled task last evaluated every asset (writes refresh their own assets' findings since)" },
            nextCursor: { type: 'string' },
            counts: schemaRef('RiskFindingCounts'),
          },
          ['computedAt', 'counts'],
        ),
        ...errors(400, 401, 403, 503),
      },
    },
  },
  '/kpis': {
    get: {
      operationId: 'getKpis',
      description:
        "The seed's KPIs over a window of days, each with its numerator, denominator and formula, counted in the database (the figures are kept until the register's next write). Cost KPIs are in one currency; assets in others are counted apart, never converted. Callers whose permissions let them read only some assets get the KPIs of those assets (KPIs about the whole estate, such as licence compliance and register accuracy, then answer null with the reason).",
      parameters: [
        day('from', 'First day of the window (default: 89 days before `to`)'),
        day('to', 'Last day of the window (default: today)'),
        { name: 'currency', in: 'query', required: false, description: 'Currency of cost KPIs (default: the most common purchase currency)', schema: { type: 'string' } },
      ],
      responses: { '200': of('The KPIs of the window, each with its formula', 'KpiReport'), ...errors(400, 401, 403) },
    },
  },
  '/settings': {
    get: {
      operationId: 'getSettings',
      responses: {
        '200': jsonResponse(
          'The notice windows (days before a warranty, end of life or end of support is flagged) and the highest critical tier, as configured under itam.risk',
          SETTINGS_SCHEMA,
          { noticeWindows: { warrantyDays: 90, endOfLifeDays: 180, endOfSupportDays: 90 }, criticalTierMax: 2 },
        ),
        ...errors(401, 403),
      },
    },
  },
  '/maturity': {
    get: {
      operationId: 'getMaturity',
      description:
        "The ITAM maturity level (1-5) the register's evidence supports: owner coverage, lifecycle data, audit recency and accuracy, licence reconciliation, ticket and catalogue integration, each measured as a share with the ids lacking it; and what the next level still needs. About the whole register: callers whose permissions hide some assets get 403.",
      responses: { '200': of('The ITAM maturity level and what the next level needs', 'MaturityAssessment'), ...errors(401, 403) },
    },
  },
  '/impact': {
    post: {
      operationId: 'assessChangeImpact',
      description:
        'Walks the asset links and the catalogue relations from what a change names (asset ids or tags, entity refs) and answers what it reaches and by which path, whom to tell, and a risk score (impact × likelihood) with every reason that contributed. Only assets and entities the caller may see are walked and listed.',
      requestBody: {
        ...schemaBody('ImpactRequest'),
        description: 'The assets (ids or tags) and catalogue entities the change names, and its window (the next 24 hours when absent)',
      },
      responses: { '200': of('Affected assets and entities with paths, owners, an explained risk score, and the window assessed', 'ChangeImpact'), ...errors(400, 401, 403) },
    },
  },
} as const;
