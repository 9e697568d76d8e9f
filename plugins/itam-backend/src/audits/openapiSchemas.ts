// The bodies of the audit routes, as the OpenAPI document describes them (the tests check every
// response against them: see itam.api.validateResponses). Shapes follow the types of
// @itam/common (AuditCampaign, AuditSummary, AuditFinding, AuditObservation); rules beyond the
// shape (trimming, text safety, "a tag or a serial") are the zod schemas'.
import { ASSET_CLASSES, AUDIT_FINDING_KINDS, LIFECYCLE_STAGES } from '@itam/common';
import { countSchema, dateTimeSchema, daySchema, schemaRef as ref, textSchema } from '../service/openapiParts';

const text = textSchema;
const dateTime = dateTimeSchema;
const day = daySchema;
const count = countSchema;
const share = { type: ['number', 'null'], minimum: 0, maximum: 1 };

const SUMMARY_EXAMPLE = {
  inScope: 120,
  counts: {
    verified: 96,
    'location-mismatch': 6,
    'not-found': 2,
    'not-observed': 16,
    unexpected: 1,
  },
  accuracy: 0.8,
  coverage: 0.8667,
};

/** @public */
export const auditSchemas = {
  AuditScope: {
    type: 'object',
    description: 'Which assets the campaign must verify: every given criterion must match; an empty scope covers every asset not yet disposed',
    properties: {
      assetClasses: {
        type: 'array',
        items: { type: 'string', enum: [...ASSET_CLASSES] },
        maxItems: 5,
      },
      lifecycleStages: {
        type: 'array',
        items: { type: 'string', enum: [...LIFECYCLE_STAGES] },
        maxItems: 7,
      },
      locations: {
        type: 'array',
        items: { type: 'string', minLength: 1, maxLength: 200 },
        maxItems: 100,
      },
      owners: {
        type: 'array',
        items: { type: 'string', minLength: 1, maxLength: 255 },
        maxItems: 100,
      },
    },
    additionalProperties: false,
  },
  NewAuditCampaign: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 200 },
      scope: ref('AuditScope'),
      dueDate: day,
    },
    additionalProperties: false,
    example: {
      name: 'Berlin office hardware count',
      scope: { assetClasses: ['hardware'], locations: ['Berlin'] },
      dueDate: '2026-12-31',
    },
  },
  AuditSummary: {
    type: 'object',
    description:
      "A campaign's figures: assets in scope, findings per kind, register accuracy (verified / in scope) and coverage ((in scope - not observed) / in scope); both null when the scope is empty",
    required: ['inScope', 'counts', 'accuracy', 'coverage'],
    properties: {
      inScope: count,
      counts: {
        type: 'object',
        required: [...AUDIT_FINDING_KINDS],
        properties: Object.fromEntries(AUDIT_FINDING_KINDS.map(kind => [kind, count])),
        additionalProperties: false,
      },
      accuracy: share,
      coverage: share,
    },
    additionalProperties: false,
    example: SUMMARY_EXAMPLE,
  },
  AuditCampaign: {
    type: 'object',
    description: "An audit campaign; `result` holds the figures frozen at closing (an open campaign's are evaluated live by GET /audits/{id})",
    required: ['id', 'name', 'scope', 'status', 'createdBy', 'createdAt'],
    properties: {
      id: text,
      name: text,
      scope: ref('AuditScope'),
      dueDate: day,
      status: { type: 'string', enum: ['open', 'closed'] },
      createdBy: {
        type: 'string',
        description: 'Entity ref of the user who opened it',
      },
      createdAt: dateTime,
      closedBy: text,
      closedAt: dateTime,
      result: ref('AuditSummary'),
    },
    additionalProperties: false,
    example: {
      id: 'c0ffee00-0000-4000-8000-000000000001',
      name: 'Berlin office hardware count',
      scope: { assetClasses: ['hardware'], locations: ['Berlin'] },
      dueDate: '2026-12-31',
      status: 'open',
      createdBy: 'user:default/jane.doe',
      createdAt: '2026-12-01T09:00:00.000Z',
    },
  },
  AuditCampaignWithResult: {
    description: 'A campaign with its figures: live while it is open, frozen once closed',
    allOf: [
      ref('AuditCampaign'),
      {
        type: 'object',
        required: ['result'],
        properties: { result: ref('AuditSummary') },
      },
    ],
  },
  AuditObservation: {
    type: 'object',
    description: 'What an auditor saw: an asset, named by tag or serial number, found or looked for and not found',
    required: ['result'],
    properties: {
      assetTag: { type: 'string', minLength: 1, maxLength: 64 },
      serialNumber: { type: 'string', minLength: 1, maxLength: 128 },
      result: { type: 'string', enum: ['seen', 'not-found'] },
      location: { type: 'string', minLength: 1, maxLength: 200 },
      note: { type: 'string', maxLength: 2000 },
    },
    additionalProperties: false,
  },
  AuditFinding: {
    type: 'object',
    description: 'The outcome for one in-scope asset, or for an observation that matched no asset in scope (`unexpected`)',
    required: ['kind', 'explanation'],
    properties: {
      kind: { type: 'string', enum: [...AUDIT_FINDING_KINDS] },
      assetId: text,
      assetTag: text,
      serialNumber: text,
      registerLocation: {
        type: 'string',
        description: 'Where the register says the asset is',
      },
      observedLocation: { type: 'string', description: 'Where it was seen' },
      explanation: text,
    },
    additionalProperties: false,
    example: {
      kind: 'location-mismatch',
      assetId: 'a1b2c3d4-0000-4000-8000-000000000002',
      assetTag: 'LAP-0042',
      registerLocation: 'Berlin',
      observedLocation: 'Hamburg',
      explanation: 'LAP-0042 was seen at Hamburg, but the register says Berlin',
    },
  },
};
