// The bodies of the analytics routes, as the OpenAPI document describes them (the tests check
// every response written with res.json against them: see itam.api.validateResponses; a page of
// risk findings is written as text, and its items' type is checked against the generated one in
// packages/common/src/client/contract.ts). Shapes follow the types of @itam/common (RiskFinding,
// KpiReport, MaturityAssessment, ChangeImpactResult); rules beyond the shape are the zod schemas'.
import {
  CHANGE_RISK_FACTORS,
  CHANGE_RISK_LEVELS,
  CRITICALITY_TIERS,
  KPI_IDS,
  LIFECYCLE_STAGES,
  MATURITY_CRITERIA,
  MATURITY_LEVELS,
  RISK_RULE_IDS,
  RISK_SEVERITIES,
  RISK_SUBJECT_KINDS,
} from '@itam/common';
import { closedObject, countSchema, dateTimeSchema, daySchema, schemaRef as ref, textSchema } from '../service/openapiParts';

const text = textSchema;
const day = daySchema;
const dateTime = dateTimeSchema;
const count = countSchema;
const texts = { type: 'array', items: text };
const tier = {
  type: 'integer',
  enum: [...CRITICALITY_TIERS],
  description: 'Criticality tier, 1 (most critical) to 4',
};
const level = { type: 'integer', enum: MATURITY_LEVELS.map(l => l.level) };
/** An object with a count for each of `keys`, and nothing else. */
const countsOf = (keys: readonly string[]) => ({
  type: 'object',
  required: [...keys],
  properties: Object.fromEntries(keys.map(key => [key, count])),
  additionalProperties: false,
});
const closed = closedObject;
/** A window of days, both ends included. */
const dayWindow = closed(['from', 'to'], { from: day, to: day });
/** A change window as the caller gave it, or the next 24 hours. */
const changeWindow = closed(['start', 'end'], {
  start: dateTime,
  end: dateTime,
  inMaintenanceWindow: { type: 'boolean' },
});

/** @public */
export const analyticsSchemas = {
  RiskFindingItem: closed(
    ['key', 'firstSeen', 'ruleId', 'severity', 'subject', 'explanation', 'suggestedAction'],
    {
      key: {
        type: 'string',
        description: 'Stable key of the finding: its rule and subject',
      },
      firstSeen: {
        ...dateTime,
        description: 'When the finding was first raised (kept while it stays true)',
      },
      ruleId: { type: 'string', enum: [...RISK_RULE_IDS] },
      severity: { type: 'string', enum: [...RISK_SEVERITIES] },
      subject: closed(['kind', 'id', 'label'], {
        kind: {
          type: 'string',
          enum: [...RISK_SUBJECT_KINDS],
        },
        id: {
          type: 'string',
          description: 'Asset id, product id, entitlement id, or `source:sourceId` of a discovered device',
        },
        label: {
          type: 'string',
          description: 'What a person recognises: asset tag, product name, entitlement id, device name',
        },
      }),
      assetId: text,
      assetTag: text,
      relatedAssetIds: {
        ...texts,
        description: 'Other assets involved, e.g. the devices of a licence shortfall',
      },
      explanation: {
        type: 'string',
        description: 'Why it was raised, with the concrete dates and numbers',
      },
      suggestedAction: {
        type: 'string',
        description: 'What an asset manager should do about it',
      },
    },
    {
      description: 'One risk found in the estate, with its key and when it was first found',
      example: {
        key: 'end-of-support:asset:5f0c2a8e-0000-4000-8000-000000000001',
        firstSeen: '2026-11-02T03:00:00.000Z',
        ruleId: 'end-of-support',
        severity: 'high',
        subject: {
          kind: 'asset',
          id: '5f0c2a8e-0000-4000-8000-000000000001',
          label: 'SRV-00001',
        },
        assetId: '5f0c2a8e-0000-4000-8000-000000000001',
        assetTag: 'SRV-00001',
        explanation: 'SRV-00001 reaches end of support on 2026-12-31, in 25 days',
        suggestedAction: 'Plan a replacement or buy extended support before 2026-12-31',
      },
    },
  ),
  RiskFindingCounts: closed(
    ['total', 'bySeverity', 'byRule'],
    {
      total: count,
      bySeverity: countsOf(RISK_SEVERITIES),
      byRule: countsOf(RISK_RULE_IDS),
    },
    {
      description: 'Counts of the whole filtered list: per severity (with the rule filter applied) and per rule (with the severity filter applied)',
    },
  ),
  KpiResult: closed(['id', 'name', 'unit', 'definition', 'value', 'numerator', 'denominator', 'window'], {
    id: { type: 'string', enum: [...KPI_IDS] },
    name: text,
    unit: {
      type: 'string',
      description: 'Unit of the value, e.g. `ratio`, or the currency code for money',
    },
    definition: {
      type: 'string',
      description: 'The formula in words, with what is counted and what is not',
    },
    value: {
      type: ['number', 'null'],
      description: 'numerator / denominator; null when it cannot be computed (see `reason`)',
    },
    numerator: { type: 'number' },
    denominator: { type: 'number' },
    window: dayWindow,
    reason: {
      type: 'string',
      description: 'Why `value` is null; present exactly then',
    },
  }),
  KpiReport: closed(
    ['window', 'assetsWithOtherCurrency', 'assetsWithUndatedCost', 'kpis'],
    {
      window: dayWindow,
      currency: {
        type: 'string',
        pattern: '^[A-Z]{3}$',
        description: 'Currency of the cost KPIs (amounts are never converted)',
      },
      assetsWithOtherCurrency: {
        ...count,
        description: 'Costed assets in another currency, left out of the cost KPIs',
      },
      assetsWithUndatedCost: {
        ...count,
        description: 'Costed assets in the currency without a purchase date, left out as no window holds them',
      },
      kpis: { type: 'array', items: ref('KpiResult') },
    },
    {
      description: 'The KPIs of a window, each with its formula',
      example: {
        window: { from: '2026-09-08', to: '2026-12-06' },
        currency: 'EUR',
        assetsWithOtherCurrency: 0,
        assetsWithUndatedCost: 2,
        kpis: [
          {
            id: 'asset-utilisation-rate',
            name: 'Asset utilisation rate',
            unit: 'ratio',
            definition: 'Assets deployed ÷ assets in stock or deployed, at the end of the window',
            value: 0.82,
            numerator: 820,
            denominator: 1000,
            window: { from: '2026-09-08', to: '2026-12-06' },
          },
        ],
      },
    },
  ),
  MaturityAssessment: closed(
    ['asOf', 'level', 'name', 'summary', 'criteria', 'next'],
    {
      asOf: day,
      level,
      name: text,
      summary: text,
      criteria: {
        type: 'array',
        items: closed(['criterion', 'name', 'value', 'numerator', 'denominator', 'thresholds', 'lackingCount', 'lacking'], {
          criterion: { type: 'string', enum: [...MATURITY_CRITERIA] },
          name: text,
          value: { type: ['number', 'null'] },
          numerator: count,
          denominator: count,
          reason: {
            type: 'string',
            description: 'Why the value is null (nothing to measure)',
          },
          thresholds: {
            type: 'object',
            description: 'The minimum share each level requires, by level; levels that do not require the criterion are absent',
            additionalProperties: { type: 'number', minimum: 0, maximum: 1 },
          },
          lackingCount: count,
          lacking: {
            ...texts,
            description: 'The first ids lacking the evidence',
          },
        }),
      },
      next: {
        description: 'The next level and every unmet requirement of it; null at level 5',
        oneOf: [
          { type: 'null' },
          closed(['level', 'name', 'missing'], {
            level,
            name: text,
            missing: {
              type: 'array',
              items: closed(['criterion', 'name', 'measured', 'threshold', 'numerator', 'denominator', 'needed', 'lackingCount', 'lacking', 'message'], {
                criterion: { type: 'string', enum: [...MATURITY_CRITERIA] },
                name: text,
                measured: { type: ['number', 'null'] },
                threshold: { type: 'number' },
                numerator: count,
                denominator: count,
                needed: {
                  type: ['integer', 'null'],
                  minimum: 0,
                  description: 'How many more assets or products need the evidence; null when not a count',
                },
                lackingCount: count,
                lacking: texts,
                message: text,
              }),
            },
          }),
        ],
      },
    },
    {
      description: 'The ITAM maturity level the evidence supports, and what the next level still needs',
    },
  ),
  ImpactNodeRef: {
    description: 'An asset or a catalogue entity in an impact result',
    oneOf: [
      closed(['type', 'id', 'tag'], {
        type: { type: 'string', const: 'asset' },
        id: text,
        tag: text,
      }),
      closed(['type', 'ref'], {
        type: { type: 'string', const: 'entity' },
        ref: text,
      }),
    ],
  },
  ImpactHop: closed(['from', 'to', 'relation', 'inverse'], {
    from: ref('ImpactNodeRef'),
    to: ref('ImpactNodeRef'),
    relation: {
      type: 'string',
      description: 'The stated relation: "from relation to", or "to relation from" when `inverse`',
    },
    inverse: { type: 'boolean' },
  }),
  ImpactRequest: closed(
    [],
    {
      assets: {
        type: 'array',
        items: { type: 'string', minLength: 1, maxLength: 200 },
        maxItems: 500,
        description: 'Asset ids or tags the change names',
      },
      entityRefs: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Catalogue entities the change names, e.g. `component:default/payments`',
      },
      window: {
        ...changeWindow,
        description: 'When the change is carried out; the next 24 hours when absent',
      },
      options: closed([], {
        maxDepth: {
          type: 'integer',
          minimum: 0,
          maximum: 50,
          description: 'Hops walked from the named items (default 5)',
        },
        breadth: closed([], {
          wideAt: {
            type: 'integer',
            minimum: 1,
            description: 'Items reached from which breadth adds one impact point (default 10)',
          },
          veryWideAt: {
            type: 'integer',
            minimum: 1,
            description: '... and two (default 50)',
          },
        }),
        manyIncidentsAt: {
          type: 'integer',
          minimum: 1,
          description: 'Open incidents from which incident history adds two points, not one (default 3)',
        },
        nearEndOfLifeDays: {
          type: 'integer',
          minimum: 0,
          description: 'Days before end of life or support that count as near it (default 90)',
        },
      }),
    },
    {
      description: 'What a change names (at least one asset or entity), and when it happens',
      example: {
        assets: ['SRV-00001'],
        entityRefs: ['component:default/payments-api'],
        window: {
          start: '2026-12-10T22:00:00Z',
          end: '2026-12-10T23:00:00Z',
          inMaintenanceWindow: true,
        },
      },
    },
  ),
  ChangeImpact: closed(
    ['notFound', 'affectedAssets', 'affectedEntities', 'ownersToNotify', 'openIncidents', 'traversal', 'risk', 'window'],
    {
      notFound: closed(
        ['assetIds', 'entityRefs'],
        { assetIds: texts, entityRefs: texts },
        {
          description: 'Named items the graph does not know (or the caller may not see)',
        },
      ),
      affectedAssets: {
        type: 'array',
        description: 'Named and reached assets, nearest first, then by tag',
        items: closed(['id', 'tag', 'name', 'lifecycleStage', 'distance', 'path', 'openIncidents'], {
          id: text,
          tag: text,
          name: text,
          criticality: tier,
          lifecycleStage: { type: 'string', enum: [...LIFECYCLE_STAGES] },
          owner: text,
          endOfLife: day,
          endOfSupport: day,
          distance: count,
          path: {
            type: 'array',
            items: ref('ImpactHop'),
            description: 'A shortest path from a named item; empty for named items',
          },
          openIncidents: {
            ...texts,
            description: 'Open incident keys linked to the asset',
          },
        }),
      },
      affectedEntities: {
        type: 'array',
        description: 'Named and reached catalogue entities, nearest first, then by ref',
        items: closed(['ref', 'kind', 'owners', 'distance', 'path'], {
          ref: text,
          kind: text,
          title: text,
          owners: texts,
          lifecycle: text,
          criticality: tier,
          distance: count,
          path: { type: 'array', items: ref('ImpactHop') },
        }),
      },
      ownersToNotify: {
        type: 'array',
        items: closed(['owner', 'owns', 'why'], {
          owner: text,
          owns: { type: 'array', items: ref('ImpactNodeRef') },
          why: text,
        }),
      },
      highestCriticality: closed(['tier', 'items'], {
        tier,
        items: { type: 'array', items: ref('ImpactNodeRef') },
      }),
      openIncidents: {
        type: 'array',
        items: closed(['asset', 'issueKeys'], {
          asset: ref('ImpactNodeRef'),
          issueKeys: texts,
        }),
      },
      traversal: closed(['maxDepth', 'deepest', 'truncated'], {
        maxDepth: count,
        deepest: count,
        truncated: {
          type: 'boolean',
          description: 'True when the depth bound stopped the walk before it ran out of edges',
        },
      }),
      risk: closed(
        ['score', 'level', 'impact', 'likelihood', 'reasons'],
        {
          score: { type: 'integer', minimum: 1, maximum: 25 },
          level: { type: 'string', enum: [...CHANGE_RISK_LEVELS] },
          impact: { type: 'integer', minimum: 1, maximum: 5 },
          likelihood: { type: 'integer', minimum: 1, maximum: 5 },
          reasons: {
            type: 'array',
            items: closed(['factor', 'dimension', 'points', 'explanation'], {
              factor: {
                type: 'string',
                enum: [...CHANGE_RISK_FACTORS],
              },
              dimension: { type: 'string', enum: ['impact', 'likelihood'] },
              points: { type: 'integer' },
              explanation: text,
            }),
          },
        },
        {
          description: "score = impact × likelihood, each the sum of its reasons' points",
        },
      ),
      window: { ...changeWindow, description: 'The window assessed' },
    },
    {
      description: 'The impact of a change: what it reaches and how, who to tell, and how risky it is',
    },
  ),
};
