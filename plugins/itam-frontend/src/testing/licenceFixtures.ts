import {
  assetLicencesOf,
  compareRiskFindings,
  countRiskFindings,
  listedPosition,
  riskFindingKey,
  type EntityAsset,
  type ItamApi,
  type LicencePositionResponse,
  type LicencePositionsResponse,
  type ListedInstallation,
  type MetricPosition,
  type ProductPosition,
  type RiskFinding,
  type RiskFindingsQuery,
  type RiskFindingsResponse,
  type StoredEntitlement,
} from '@itam/common';

/** When the fixtures' reports were computed. */
export const COMPUTED_AT = '2026-12-01T09:00:00.000Z';

/** One metric line of a position; override what a test is about. */
export function aMetricLine(overrides: Partial<MetricPosition> = {}): MetricPosition {
  return {
    metric: 'per-device',
    unit: 'device',
    required: 2,
    entitled: 2,
    owned: 2,
    position: 0,
    consumed: 2,
    coveredByUnlimited: 0,
    shortfall: 0,
    surplus: 0,
    unlimited: false,
    unitCost: 1290,
    priceEntitlementId: 'RH-SUB-2026-0042',
    trueUpCost: 0,
    ...overrides,
  };
}

/**
 * A compliant product, like the example estate's Red Hat Enterprise Linux 9: two servers, two
 * per-device subscriptions.
 */
export function aPosition(overrides: Partial<ProductPosition> = {}): ProductPosition {
  return {
    productId: 'redhat-enterprise-linux-9',
    publisher: 'Red Hat',
    name: 'Enterprise Linux',
    version: '9',
    underManagement: true,
    status: 'compliant',
    unit: 'device',
    required: 2,
    owned: 2,
    position: 0,
    lines: [aMetricLine()],
    trueUp: { cost: 0, currency: 'EUR', complete: true },
    harvestCandidates: [],
    explanation: {
      consumers: [
        {
          consumerKind: 'device',
          consumerId: 'srv-1',
          installationIds: ['i-rhel-1'],
          metric: 'per-device',
          demand: 1,
          basis: { rule: 'per-device', formula: '1 per device' },
          consumed: [
            {
              entitlementId: 'RH-SUB-2026-0042',
              productId: 'redhat-enterprise-linux-9',
              amount: 1,
              via: 'pool',
              match: 'same-version',
            },
          ],
          shortfall: 0,
          notes: [],
        },
      ],
      entitlements: [
        {
          entitlementId: 'RH-SUB-2026-0042',
          metric: 'per-device',
          quantity: 2,
          termStatus: 'active',
          consumed: 2,
          remaining: 0,
          lentToOtherVersions: 0,
          consumers: 2,
        },
      ],
      ignoredEvidence: [],
    },
    ...overrides,
  };
}

/**
 * The example estate's shortfall: SQL Server 2022 Enterprise on a 2 × 16-core host needs 32 core
 * licences, 16 are owned at €7,200 each, so the true-up is €115,200.
 */
export function sqlServerShortfall(overrides: Partial<ProductPosition> = {}): ProductPosition {
  return aPosition({
    productId: 'microsoft-sql-server-2022-enterprise',
    publisher: 'Microsoft',
    name: 'SQL Server Enterprise',
    version: '2022',
    status: 'under-licensed',
    unit: 'core',
    required: 32,
    owned: 16,
    position: -16,
    lines: [
      aMetricLine({
        metric: 'per-core',
        unit: 'core',
        required: 32,
        entitled: 16,
        owned: 16,
        position: -16,
        consumed: 16,
        shortfall: 16,
        unitCost: 7200,
        priceEntitlementId: 'EA-2024-SQL-ENT',
        trueUpCost: 115200,
      }),
    ],
    trueUp: { cost: 115200, currency: 'EUR', complete: true },
    harvestCandidates: [],
    explanation: {
      consumers: [
        {
          consumerKind: 'device',
          consumerId: 'srv-1',
          installationIds: ['i-sql-1'],
          metric: 'per-core',
          demand: 32,
          basis: {
            rule: 'sql-server-physical',
            formula: '2 × max(4, 16) = 32',
            factsDeviceId: 'srv-1',
            processors: 2,
            coresPerProcessor: 16,
          },
          consumed: [
            {
              entitlementId: 'EA-2024-SQL-ENT',
              productId: 'microsoft-sql-server-2022-enterprise',
              amount: 16,
              via: 'pool',
              match: 'same-version',
            },
          ],
          shortfall: 16,
          notes: [],
        },
      ],
      entitlements: [
        {
          entitlementId: 'EA-2024-SQL-ENT',
          metric: 'per-core',
          quantity: 16,
          termStatus: 'active',
          consumed: 16,
          remaining: 0,
          lentToOtherVersions: 0,
          consumers: 1,
        },
      ],
      ignoredEvidence: [],
    },
    ...overrides,
  });
}

/** The list answer for some positions (the list leaves explanations out, as the backend does). */
export function positionsResponse(products: ProductPosition[]): LicencePositionsResponse {
  const byStatus = {
    compliant: 0,
    'under-licensed': 0,
    'over-licensed': 0,
    incomplete: 0,
    unreconciled: 0,
  };
  for (const p of products) byStatus[p.status]++;
  const reconciled = products.filter(p => p.status !== 'unreconciled').length;
  const proven = byStatus.compliant + byStatus['over-licensed'];
  const cost = products.reduce((sum, p) => sum + p.trueUp.cost, 0);
  return {
    computedAt: COMPUTED_AT,
    asOf: '2026-12-01',
    harvestAfterDays: 90,
    concurrentPeakWindowDays: 90,
    products: products.map(listedPosition),
    summary: {
      products: products.length,
      reconciled,
      byStatus,
      complianceRate: reconciled === 0 ? null : proven / reconciled,
      trueUp: { cost, currency: products.find(p => p.trueUp.currency)?.trueUp.currency ?? null, complete: true },
      harvestCandidates: products.reduce((n, p) => n + p.harvestCandidates.length, 0),
    },
  };
}

/** The one-product answer, with its explanation. */
export function positionResponse(position: ProductPosition): LicencePositionResponse {
  return { ...position, computedAt: COMPUTED_AT, asOf: '2026-12-01', harvestAfterDays: 90 };
}

/** An entitlement as stored; override what a test is about. */
export function anEntitlement(overrides: Partial<StoredEntitlement> = {}): StoredEntitlement {
  return {
    id: 'EA-2024-SQL-ENT',
    productId: 'microsoft-sql-server-2022-enterprise',
    metric: 'per-core',
    quantity: 16,
    unitCost: 7200,
    currency: 'EUR',
    revision: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** An installation as listed, matched to a product; override what a test is about. */
export function anInstallation(overrides: Partial<ListedInstallation> = {}): ListedInstallation {
  return {
    id: 'i-sql-1',
    assetId: 'srv-1',
    productId: null,
    productName: 'Microsoft SQL Server 2022 Enterprise (64-bit)',
    publisher: 'Microsoft Corporation',
    version: '16.0.4135.4',
    source: 'glpi',
    recordedAt: '2026-11-30T10:00:00.000Z',
    matchedProductId: 'microsoft-sql-server-2022-enterprise',
    ...overrides,
  };
}

/** A risk finding about an asset; override what a test is about. */
export function aFinding(overrides: Partial<RiskFinding> = {}): RiskFinding {
  return {
    ruleId: 'end-of-life',
    severity: 'high',
    subject: { kind: 'asset', id: 'srv-2', label: 'SRV-00002' },
    assetId: 'srv-2',
    assetTag: 'SRV-00002',
    explanation: 'SRV-00002 passed its end of life on 2025-02-10.',
    suggestedAction: 'Plan its replacement and retire it.',
    ...overrides,
  };
}

/**
 * The risk answer for some findings as the backend gives it for a query: filtered, most severe
 * first, a page of `limit` (the cursor is the index to start at), with the facet counts.
 */
export function findingsResponse(items: RiskFinding[], query: RiskFindingsQuery = {}): RiskFindingsResponse {
  const list = <T,>(v: T | T[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
  const severities = list(query.severity);
  const ruleIds = list(query.ruleId);
  const assetIds = list(query.assetId);
  const narrowed = items.filter(f => !assetIds || (f.assetId !== undefined && assetIds.includes(f.assetId)));
  const matching = narrowed
    .filter(f => (!severities || severities.includes(f.severity)) && (!ruleIds || ruleIds.includes(f.ruleId)))
    .sort(compareRiskFindings);
  const start = query.cursor ? Number(query.cursor) : 0;
  const end = start + (query.limit ?? 100);
  return {
    computedAt: COMPUTED_AT,
    items: matching.slice(start, end).map(f => ({ ...f, key: riskFindingKey(f), firstSeen: COMPUTED_AT })),
    ...(end < matching.length ? { nextCursor: String(end) } : {}),
    counts: countRiskFindings(narrowed, { severities, ruleIds }),
  };
}

/**
 * Fake API methods the entity views call: the entity's assets, each with its licence status
 * (worked out as the backend does, by common's rule, from the positions and the installations
 * given), and risk findings, all empty unless given.
 */
export function assetInsightsApi(
  options: {
    entityAssets?: EntityAsset[];
    positions?: ProductPosition[];
    installations?: ListedInstallation[];
    findings?: RiskFinding[];
  } = {},
): Pick<ItamApi, 'getEntityAssets' | 'getRiskFindings'> {
  return {
    getEntityAssets: async () =>
      (options.entityAssets ?? []).map(item => {
        const { assetId: _assetId, ...licences } = assetLicencesOf(
          item.asset.id,
          (options.installations ?? []).filter(i => i.assetId === item.asset.id),
          options.positions ?? [],
        );
        return { ...item, licences };
      }),
    getRiskFindings: async query => findingsResponse(options.findings ?? [], query),
  };
}
