import { ItamValidationError } from '../errors';
import { reconcileLicences } from './reconcile';
import type { ProductPosition } from './resultTypes';
import type { DeviceFacts, Installation, LicenceInput, SoftwareProduct } from './types';

const AS_OF = '2025-06-30';

function product(id: string, extra: Partial<SoftwareProduct> = {}): SoftwareProduct {
  return { id, publisher: 'Acme', name: `Product ${id}`, underManagement: true, ...extra };
}

function input(parts: Partial<LicenceInput>): LicenceInput {
  return {
    products: [],
    entitlements: [],
    installations: [],
    devices: [],
    userAssignments: [],
    concurrentPeaks: [],
    ...parts,
  };
}

function installs(productId: string, deviceIds: string[], extra: Partial<Installation> = {}): Installation[] {
  return deviceIds.map(deviceId => ({ id: `${productId}@${deviceId}`, deviceId, productId, ...extra }));
}

function server(deviceId: string, processors: number, cores: number, extra: Partial<DeviceFacts> = {}): DeviceFacts {
  return { deviceId, kind: 'physical', processors, coresPerProcessor: cores, processorVendor: 'Intel', processorModel: 'Xeon Gold 6338', ...extra };
}

function vm(deviceId: string, vcpus: number, hostDeviceId?: string): DeviceFacts {
  return { deviceId, kind: 'virtual', processors: 1, coresPerProcessor: vcpus, ...(hostDeviceId ? { hostDeviceId } : {}) };
}

function position(data: LicenceInput, productId: string, options: { harvestAfterDays?: number } = {}): ProductPosition {
  const found = reconcileLicences(data, { asOf: AS_OF, ...options }).products.find(p => p.productId === productId);
  if (!found) throw new Error(`no position for ${productId}`);
  return found;
}

const consumerOf = (p: ProductPosition, id: string) => {
  const c = p.explanation.consumers.find(x => x.consumerId === id);
  if (!c) throw new Error(`no consumer ${id}`);
  return c;
};

describe('reconcileLicences: basics', () => {
  it('returns an empty report for empty input', () => {
    const report = reconcileLicences(input({}), { asOf: AS_OF });
    expect(report.products).toEqual([]);
    expect(report.summary).toMatchObject({ products: 0, reconciled: 0, complianceRate: null, harvestCandidates: 0 });
  });

  it('does not reconcile products outside management, nor count their rights', () => {
    const data = input({
      products: [product('p', { underManagement: false })],
      entitlements: [{ id: 'e', productId: 'p', metric: 'per-device', quantity: 1 }],
      installations: installs('p', ['d1', 'd2'], { lastUsed: null }),
    });
    expect(position(data, 'p')).toMatchObject({
      status: 'unreconciled',
      required: null,
      owned: null,
      position: null,
      lines: [],
      harvestCandidates: [],
    });
  });

  it('counts installations once per device and reports the surplus', () => {
    const data = input({
      products: [product('p')],
      entitlements: [{ id: 'e', productId: 'p', metric: 'per-device', quantity: 5 }],
      installations: [...installs('p', ['d1', 'd2']), { id: 'again', deviceId: 'd1', productId: 'p' }],
    });
    const p = position(data, 'p');
    expect(p).toMatchObject({ status: 'over-licensed', unit: 'device', required: 2, owned: 5, position: 3 });
    expect(p.lines).toEqual([
      expect.objectContaining({ metric: 'per-device', required: 2, entitled: 5, owned: 5, consumed: 2, surplus: 3, shortfall: 0 }),
    ]);
    expect(consumerOf(p, 'd1').installationIds).toEqual(['again', 'p@d1']);
  });

  it('is compliant when rights equal demand', () => {
    const data = input({
      products: [product('p')],
      entitlements: [{ id: 'e', productId: 'p', metric: 'per-device', quantity: 2 }],
      installations: installs('p', ['d1', 'd2']),
    });
    expect(position(data, 'p')).toMatchObject({ status: 'compliant', position: 0 });
  });

  it('reports a shortfall with its true-up at the cheapest applicable price', () => {
    const data = input({
      products: [product('p')],
      entitlements: [
        { id: 'cheap-old', productId: 'p', metric: 'per-device', quantity: 0, termEnd: '2020-12-31', unitCost: 80, currency: 'EUR' },
        { id: 'dear', productId: 'p', metric: 'per-device', quantity: 1, unitCost: 120.5, currency: 'EUR' },
      ],
      installations: installs('p', ['d1', 'd2', 'd3']),
    });
    const p = position(data, 'p');
    expect(p).toMatchObject({ status: 'under-licensed', required: 3, owned: 1, position: -2 });
    expect(p.lines[0]).toMatchObject({ shortfall: 2, unitCost: 80, priceEntitlementId: 'cheap-old', trueUpCost: 160 });
    expect(p.trueUp).toEqual({ cost: 160, currency: 'EUR', complete: true });
    expect(consumerOf(p, 'd3')).toMatchObject({ shortfall: 1, consumed: [] });
  });

  it('counts a product with no entitlements per device, with an unpriced shortfall', () => {
    const data = input({ products: [product('p')], installations: installs('p', ['d1', 'd2']) });
    const p = position(data, 'p');
    expect(p).toMatchObject({ status: 'under-licensed', required: 2, owned: 0, position: -2 });
    expect(p.lines[0]).toMatchObject({ metric: 'per-device', trueUpCost: null, unitCost: null });
    expect(p.trueUp).toEqual({ cost: 0, currency: null, complete: false });
  });

  it('is compliant with nothing installed and nothing owned', () => {
    expect(position(input({ products: [product('p')] }), 'p')).toMatchObject({
      status: 'compliant',
      unit: null,
      required: 0,
      owned: 0,
      position: 0,
      lines: [],
    });
  });

  it('explains a device consumer with the public fields only, its facts stated in the basis', () => {
    const p = position(
      input({
        products: [product('p')],
        entitlements: [{ id: 'e', productId: 'p', metric: 'per-core', quantity: 64 }],
        installations: installs('p', ['s1']),
        devices: [server('s1', 2, 8)],
      }),
      'p',
    );
    // What an API client receives: the working data of the allocation does not leak into it.
    const consumer = JSON.parse(JSON.stringify(consumerOf(p, 's1')));
    expect(Object.keys(consumer).sort()).toEqual(
      ['basis', 'consumed', 'consumerId', 'consumerKind', 'demand', 'installationIds', 'metric', 'notes', 'shortfall'],
    );
    expect(consumer.basis).toMatchObject({ factsDeviceId: 's1', processors: 2, coresPerProcessor: 8 });
  });
});

describe('reconcileLicences: terms', () => {
  const data = input({
    products: [product('p')],
    entitlements: [
      { id: 'expired', productId: 'p', metric: 'per-device', quantity: 10, termStart: '2020-01-01', termEnd: '2025-06-29' },
      { id: 'future', productId: 'p', metric: 'per-device', quantity: 10, termStart: '2025-07-01' },
      { id: 'last-day', productId: 'p', metric: 'per-device', quantity: 1, termStart: '2024-07-01', termEnd: AS_OF },
      { id: 'first-day', productId: 'p', metric: 'per-device', quantity: 1, termStart: AS_OF },
    ],
    installations: installs('p', ['d1', 'd2', 'd3']),
  });

  it('counts only rights in term on the reconciliation date, both ends inclusive', () => {
    const p = position(data, 'p');
    expect(p).toMatchObject({ status: 'under-licensed', required: 3, owned: 2, position: -1 });
    expect(p.explanation.entitlements.map(e => [e.entitlementId, e.termStatus, e.consumed])).toEqual([
      ['expired', 'expired', 0],
      ['last-day', 'active', 1],
      ['first-day', 'active', 1],
      ['future', 'not-started', 0],
    ]);
  });

  it('uses the right that ends soonest first', () => {
    const p = position(data, 'p');
    expect(consumerOf(p, 'd1').consumed[0].entitlementId).toBe('last-day');
    expect(consumerOf(p, 'd2').consumed[0].entitlementId).toBe('first-day');
  });
});

describe('reconcileLicences: allocations', () => {
  it('lets allocated devices consume their allocation before anyone takes it', () => {
    const data = input({
      products: [product('p')],
      entitlements: [
        // Ends first, so in pool order d1 would take it if allocations were not served first.
        { id: 'for-d2', productId: 'p', metric: 'per-device', quantity: 1, termEnd: '2025-12-31', allocations: { deviceIds: ['d2'] } },
        { id: 'pool', productId: 'p', metric: 'per-device', quantity: 1 },
      ],
      installations: installs('p', ['d1', 'd2']),
    });
    const p = position(data, 'p');
    expect(p.status).toBe('compliant');
    expect(consumerOf(p, 'd2').consumed).toEqual([
      { entitlementId: 'for-d2', productId: 'p', amount: 1, via: 'allocation', match: 'same-version' },
    ]);
    expect(consumerOf(p, 'd1').consumed).toEqual([
      { entitlementId: 'pool', productId: 'p', amount: 1, via: 'pool', match: 'same-version' },
    ]);
  });

  it('releases allocated rights nobody allocated uses to the pool', () => {
    const data = input({
      products: [product('p')],
      entitlements: [{ id: 'e', productId: 'p', metric: 'per-device', quantity: 3, allocations: { deviceIds: ['d9'] } }],
      installations: installs('p', ['d1', 'd2']),
    });
    expect(position(data, 'p')).toMatchObject({ status: 'over-licensed', required: 2, owned: 3 });
  });

  it('covers the rest of an insufficient allocation like any consumer, and says so', () => {
    const data = input({
      products: [product('p', { coreCounting: 'all-cores' })],
      entitlements: [
        { id: 'alloc', productId: 'p', metric: 'per-core', quantity: 16, allocations: { deviceIds: ['s1'] } },
        { id: 'pool', productId: 'p', metric: 'per-core', quantity: 100 },
      ],
      installations: installs('p', ['s1']),
      devices: [server('s1', 2, 12)],
    });
    const c = consumerOf(position(data, 'p'), 's1');
    expect(c.consumed.map(x => [x.entitlementId, x.amount, x.via])).toEqual([
      ['alloc', 16, 'allocation'],
      ['pool', 8, 'pool'],
    ]);
    expect(c.notes.map(n => n.code)).toEqual(['allocation-insufficient']);
  });

  it('ignores an allocation to an expired right and explains why', () => {
    const data = input({
      products: [product('p')],
      entitlements: [
        { id: 'old', productId: 'p', metric: 'per-device', quantity: 1, termEnd: '2024-12-31', allocations: { deviceIds: ['d1'] } },
      ],
      installations: installs('p', ['d1']),
    });
    const p = position(data, 'p');
    expect(p.status).toBe('under-licensed');
    expect(consumerOf(p, 'd1').notes[0]).toEqual({
      code: 'allocation-inactive',
      entitlementId: 'old',
      message: 'allocated entitlement old expired on 2024-12-31',
    });
  });

  it('serves allocations to users', () => {
    const data = input({
      products: [product('p')],
      entitlements: [
        { id: 'named', productId: 'p', metric: 'per-user', quantity: 1, termEnd: '2025-12-31', allocations: { userRefs: ['user:default/zoe'] } },
        { id: 'pool', productId: 'p', metric: 'per-user', quantity: 1 },
      ],
      userAssignments: [
        { userRef: 'user:default/amy', productId: 'p' },
        { userRef: 'user:default/zoe', productId: 'p' },
      ],
    });
    const p = position(data, 'p');
    expect(p.status).toBe('compliant');
    expect(consumerOf(p, 'user:default/zoe').consumed[0]).toMatchObject({ entitlementId: 'named', via: 'allocation' });
    expect(consumerOf(p, 'user:default/amy').consumed[0]).toMatchObject({ entitlementId: 'pool', via: 'pool' });
  });
});

describe('reconcileLicences: site and unlimited rights', () => {
  it('covers every consumer after allocations, and is compliant', () => {
    const data = input({
      products: [product('p')],
      entitlements: [
        { id: 'site', productId: 'p', metric: 'site' },
        { id: 'alloc', productId: 'p', metric: 'per-device', quantity: 1, allocations: { deviceIds: ['d1'] } },
      ],
      installations: installs('p', ['d1', 'd2', 'd3']),
    });
    const p = position(data, 'p');
    expect(p).toMatchObject({ status: 'compliant', unit: 'device', required: 3, owned: 3, position: 0 });
    expect(p.lines[0]).toMatchObject({ consumed: 1, coveredByUnlimited: 2, unlimited: true, entitled: 1 });
    expect(consumerOf(p, 'd1').consumed[0].via).toBe('allocation');
    expect(consumerOf(p, 'd2').consumed[0]).toMatchObject({ entitlementId: 'site', via: 'unlimited', amount: 1 });
    expect(p.explanation.entitlements.find(e => e.entitlementId === 'site')).toMatchObject({ quantity: null, remaining: null, consumers: 2 });
  });

  it('counts a core-licensed product covered by an unlimited right in cores', () => {
    const data = input({
      products: [product('p', { coreCounting: 'all-cores' })],
      entitlements: [
        { id: 'ula', productId: 'p', metric: 'unlimited' },
        { id: 'old-cores', productId: 'p', metric: 'per-core', quantity: 4, termEnd: '2020-01-01' },
      ],
      installations: installs('p', ['s1']),
      devices: [server('s1', 2, 8)],
    });
    expect(position(data, 'p')).toMatchObject({ status: 'compliant', unit: 'core', required: 16, owned: 16 });
  });

  it('reports an unused site licence as over-licensed', () => {
    const data = input({ products: [product('p')], entitlements: [{ id: 'site', productId: 'p', metric: 'site' }] });
    expect(position(data, 'p').status).toBe('over-licensed');
  });

  it('does not let an expired site licence cover anything', () => {
    const data = input({
      products: [product('p')],
      entitlements: [{ id: 'site', productId: 'p', metric: 'site', termEnd: '2024-12-31' }],
      installations: installs('p', ['d1']),
    });
    expect(position(data, 'p')).toMatchObject({ status: 'under-licensed', required: 1, owned: 0 });
  });
});

describe('reconcileLicences: versions and downgrade rights', () => {
  const v2019 = product('sql-2019', { publisher: 'Microsoft', name: 'SQL Server', version: '2019' });
  const v2022 = product('sql-2022', { publisher: 'Microsoft', name: 'SQL Server', version: '2022' });

  it('lets a newer right with downgrade rights cover an older install', () => {
    const data = input({
      products: [v2019, v2022],
      entitlements: [{ id: 'e22', productId: 'sql-2022', metric: 'per-device', quantity: 2, downgradeRights: true }],
      installations: installs('sql-2019', ['d1', 'd2']),
    });
    const report = reconcileLicences(data, { asOf: AS_OF });
    const old = report.products.find(p => p.productId === 'sql-2019')!;
    const current = report.products.find(p => p.productId === 'sql-2022')!;
    expect(old).toMatchObject({ status: 'compliant', required: 2, owned: 2, position: 0 });
    expect(old.lines[0]).toMatchObject({ entitled: 0, consumed: 2 });
    expect(consumerOf(old, 'd1').consumed[0]).toEqual({ entitlementId: 'e22', productId: 'sql-2022', amount: 1, via: 'pool', match: 'downgrade' });
    expect(current).toMatchObject({ status: 'compliant', required: 0, owned: 0 });
    expect(current.explanation.entitlements[0]).toMatchObject({ consumed: 2, lentToOtherVersions: 2, remaining: 0 });
  });

  it('does not cover an older install without downgrade rights, nor a newer one ever', () => {
    const data = input({
      products: [v2019, v2022],
      entitlements: [
        { id: 'e22', productId: 'sql-2022', metric: 'per-device', quantity: 5 },
        { id: 'e19', productId: 'sql-2019', metric: 'per-device', quantity: 5, downgradeRights: true },
      ],
      installations: [...installs('sql-2019', ['d1']), ...installs('sql-2022', ['d2', 'd3', 'd4', 'd5', 'd6', 'd7'])],
    });
    const report = reconcileLicences(data, { asOf: AS_OF });
    expect(report.products.find(p => p.productId === 'sql-2019')).toMatchObject({ status: 'over-licensed', required: 1, position: 4 });
    expect(report.products.find(p => p.productId === 'sql-2022')).toMatchObject({ status: 'under-licensed', required: 6, position: -1 });
  });

  it('serves installs of the right version before older versions downgrade', () => {
    const data = input({
      // Older-version consumers sort first by product id, yet must not take 2022's rights first.
      products: [product('a-2019', { publisher: 'Microsoft', name: 'SQL Server', version: '2019' }), v2022],
      entitlements: [{ id: 'e22', productId: 'sql-2022', metric: 'per-device', quantity: 2, downgradeRights: true }],
      installations: [...installs('a-2019', ['d1', 'd2']), ...installs('sql-2022', ['d3', 'd4'])],
    });
    const report = reconcileLicences(data, { asOf: AS_OF });
    expect(report.products.find(p => p.productId === 'sql-2022')!.status).toBe('compliant');
    expect(report.products.find(p => p.productId === 'a-2019')!).toMatchObject({ status: 'under-licensed', position: -2 });
  });

  it('never applies downgrade rights to user subscriptions or concurrent use', () => {
    const p19 = product('app-19', { name: 'App', version: '19' });
    const p20 = product('app-20', { name: 'App', version: '20' });
    const data = input({
      products: [p19, p20],
      entitlements: [
        // Typed input can carry the flag although the schema refuses it; it must still not apply.
        { id: 'sub', productId: 'app-20', metric: 'subscription', quantity: 5, downgradeRights: true },
        { id: 'conc', productId: 'app-20', metric: 'concurrent', quantity: 5, downgradeRights: true },
      ],
      userAssignments: [{ userRef: 'user:default/amy', productId: 'app-19' }],
      concurrentPeaks: [{ productId: 'app-19', peak: 2, observedAt: '2025-06-01' }],
    });
    const p = position(data, 'app-19');
    expect(p.status).toBe('under-licensed');
    expect(p.lines.map(l => [l.metric, l.shortfall])).toEqual([
      ['per-user', 1],
      ['concurrent', 2],
    ]);
  });

  it('lets a versionless right cover every version of its family', () => {
    const data = input({
      products: [product('any', { name: 'Tool' }), product('tool-3', { name: 'Tool', version: '3.1' })],
      entitlements: [{ id: 'e', productId: 'any', metric: 'per-device', quantity: 1 }],
      installations: installs('tool-3', ['d1']),
    });
    expect(consumerOf(position(data, 'tool-3'), 'd1').consumed[0].match).toBe('version-independent');
  });

  it('matches families by publisher and name regardless of case', () => {
    const data = input({
      products: [
        product('old', { publisher: 'ACME ', name: 'editor', version: '1.9' }),
        product('new', { publisher: 'Acme', name: 'Editor', version: '1.10' }),
      ],
      entitlements: [{ id: 'e', productId: 'new', metric: 'per-device', quantity: 1, downgradeRights: true }],
      installations: installs('old', ['d1']),
    });
    expect(position(data, 'old').status).toBe('compliant');
  });
});

describe('reconcileLicences: evidence kinds', () => {
  it('counts users for per-user products and reports installations as ignored', () => {
    const data = input({
      products: [product('p')],
      entitlements: [{ id: 'e', productId: 'p', metric: 'per-user', quantity: 2 }],
      installations: installs('p', ['d1', 'd2', 'd3']),
      userAssignments: [
        { userRef: 'user:default/amy', productId: 'p' },
        { userRef: 'user:default/amy', productId: 'p' },
        { userRef: 'user:default/bob', productId: 'p' },
      ],
    });
    const p = position(data, 'p');
    expect(p).toMatchObject({ status: 'compliant', unit: 'user', required: 2, owned: 2 });
    expect(p.explanation.ignoredEvidence).toEqual([
      { kind: 'device', count: 3, reason: expect.stringContaining('licensed per user') },
    ]);
  });

  it('counts concurrent use as the highest peak in the window up to the date', () => {
    const data = input({
      products: [product('p')],
      entitlements: [{ id: 'e', productId: 'p', metric: 'concurrent', quantity: 10, unitCost: 50, currency: 'USD' }],
      concurrentPeaks: [
        { productId: 'p', peak: 30, observedAt: '2025-01-01' }, // outside the 90-day window
        { productId: 'p', peak: 12, observedAt: '2025-05-01' },
        { productId: 'p', peak: 12, observedAt: '2025-06-01' },
        { productId: 'p', peak: 9, observedAt: '2025-06-30' },
        { productId: 'p', peak: 99, observedAt: '2025-07-01' }, // after the date
      ],
    });
    const p = position(data, 'p');
    expect(p).toMatchObject({ status: 'under-licensed', unit: 'concurrent-user', required: 12, owned: 10, position: -2 });
    expect(p.trueUp).toEqual({ cost: 100, currency: 'USD', complete: true });
    expect(consumerOf(p, 'concurrent')).toMatchObject({ peak: 12, observedAt: '2025-06-01' });
  });

  it('keeps lines per metric and no product total when units differ', () => {
    const data = input({
      products: [product('p')],
      entitlements: [
        { id: 'dev', productId: 'p', metric: 'per-device', quantity: 1 },
        { id: 'usr', productId: 'p', metric: 'per-user', quantity: 3 },
      ],
      installations: installs('p', ['d1']),
      userAssignments: [{ userRef: 'user:default/amy', productId: 'p' }],
    });
    const p = position(data, 'p');
    expect(p).toMatchObject({ status: 'over-licensed', unit: null, required: null, owned: null, position: null });
    expect(p.lines.map(l => [l.metric, l.required, l.owned])).toEqual([
      ['per-device', 1, 1],
      ['per-user', 1, 3],
    ]);
  });

  it('counts each device in the metric whose rights cover it fully', () => {
    const data = input({
      products: [product('p')],
      entitlements: [
        { id: 'cores', productId: 'p', metric: 'per-core', quantity: 16, termEnd: '2025-12-31' },
        { id: 'devices', productId: 'p', metric: 'per-device', quantity: 1 },
      ],
      installations: installs('p', ['big', 'small']),
      devices: [server('big', 2, 16), server('small', 1, 16)],
    });
    const p = position(data, 'p');
    expect(consumerOf(p, 'big')).toMatchObject({ metric: 'per-device', demand: 1 });
    expect(consumerOf(p, 'small')).toMatchObject({ metric: 'per-core', demand: 16 });
    expect(p.status).toBe('compliant');
  });
});

describe('reconcileLicences: harvest candidates', () => {
  const data = input({
    products: [product('p')],
    entitlements: [{ id: 'e', productId: 'p', metric: 'per-device', quantity: 10 }],
    installations: [
      { id: 'recent', deviceId: 'd1', productId: 'p', lastUsed: '2025-06-01' },
      { id: 'edge', deviceId: 'd2', productId: 'p', lastUsed: '2025-04-01' }, // exactly 90 days
      { id: 'stale', deviceId: 'd3', productId: 'p', lastUsed: '2025-03-31' },
      { id: 'older', deviceId: 'd4', productId: 'p', lastUsed: '2024-06-30' },
      { id: 'never', deviceId: 'd5', productId: 'p', lastUsed: null },
      { id: 'unmetered', deviceId: 'd6', productId: 'p' },
    ],
  });

  it('lists never-used and long-unused installations, never the unmetered ones', () => {
    expect(position(data, 'p').harvestCandidates).toEqual([
      { installationId: 'never', deviceId: 'd5', lastUsed: null, daysUnused: null, reason: 'never-used' },
      { installationId: 'older', deviceId: 'd4', lastUsed: '2024-06-30', daysUnused: 365, reason: 'unused' },
      { installationId: 'stale', deviceId: 'd3', lastUsed: '2025-03-31', daysUnused: 91, reason: 'unused' },
    ]);
  });

  it('takes the number of days from the options', () => {
    expect(position(data, 'p', { harvestAfterDays: 28 }).harvestCandidates.map(h => h.installationId)).toEqual([
      'never',
      'older',
      'stale',
      'edge',
      'recent',
    ]);
  });
});

describe('reconcileLicences: bad input', () => {
  it('refuses mixed currencies, naming the odd entitlement', () => {
    const data = input({
      products: [product('p')],
      entitlements: [
        { id: 'a', productId: 'p', metric: 'per-device', quantity: 1, unitCost: 10, currency: 'EUR' },
        { id: 'b', productId: 'p', metric: 'per-device', quantity: 1, unitCost: 10, currency: 'USD' },
        { id: 'c', productId: 'p', metric: 'per-device', quantity: 1, unitCost: 10, currency: 'EUR' },
      ],
    });
    expect(() => reconcileLicences(data, { asOf: AS_OF })).toThrow(ItamValidationError);
    try {
      reconcileLicences(data, { asOf: AS_OF });
    } catch (e) {
      expect((e as ItamValidationError).issues).toEqual([
        { path: 'entitlements.1.currency', message: expect.stringContaining('mixed currencies (EUR, USD) are refused') },
      ]);
    }
  });

  it('refuses references to unknown products and duplicate ids, with paths', () => {
    const data = input({
      products: [product('p'), product('p')],
      entitlements: [{ id: 'e', productId: 'nope', metric: 'per-device', quantity: 1 }],
      devices: [server('s', 1, 1), server('s', 1, 2)],
    });
    expect(() => reconcileLicences(data, { asOf: AS_OF })).toThrow(
      expect.objectContaining({
        issues: [
          { path: 'products.1.id', message: 'duplicates product id "p"' },
          { path: 'entitlements.0.productId', message: 'names unknown product "nope"' },
          { path: 'devices.1.deviceId', message: 'duplicates device "s"' },
        ],
      }),
    );
  });

  it('refuses evidence of unknown products, found while grouping it', () => {
    const data = input({
      products: [product('p')],
      installations: [
        { id: 'i1', deviceId: 'd', productId: 'p' },
        { id: 'i2', deviceId: 'd', productId: 'ghost' },
      ],
      userAssignments: [{ userRef: 'user:default/amy', productId: 'ghost' }],
      concurrentPeaks: [{ productId: 'ghost', peak: 1, observedAt: AS_OF }],
    });
    expect(() => reconcileLicences(data, { asOf: AS_OF })).toThrow(
      expect.objectContaining({
        issues: [
          { path: 'installations.1.productId', message: 'names unknown product "ghost"' },
          { path: 'userAssignments.0.productId', message: 'names unknown product "ghost"' },
          { path: 'concurrentPeaks.0.productId', message: 'names unknown product "ghost"' },
        ],
      }),
    );
  });

  it('refuses bad options', () => {
    expect(() => reconcileLicences(input({}), { asOf: '30/06/2025' })).toThrow(/asOf: must be a date formatted YYYY-MM-DD/);
    expect(() => reconcileLicences(input({}), { asOf: AS_OF, harvestAfterDays: -1 })).toThrow(/harvestAfterDays/);
  });
});

describe('reconcileLicences: vendor rules and virtualisation', () => {
  it('licenses a Windows Server Datacenter host once for all its VMs; a VM without host by itself', () => {
    const data = input({
      products: [product('ws', { publisher: 'Microsoft', name: 'Windows Server Datacenter', coreCounting: 'windows-server-datacenter' })],
      entitlements: [{ id: 'cores', productId: 'ws', metric: 'per-core', quantity: 100 }],
      installations: installs('ws', ['vm1', 'vm2', 'vm3', 'cloud-vm', 'small']),
      devices: [server('host', 2, 12), vm('vm1', 4, 'host'), vm('vm2', 4, 'host'), vm('vm3', 2, 'host'), vm('cloud-vm', 4), server('small', 1, 4)],
    });
    const p = position(data, 'ws');
    expect(p.explanation.consumers.map(c => [c.consumerId, c.demand, c.basis.rule])).toEqual([
      ['cloud-vm', 8, 'windows-server-virtual-ose'],
      ['host', 24, 'windows-server-physical'],
      ['small', 16, 'windows-server-physical'],
    ]);
    expect(consumerOf(p, 'host')).toMatchObject({
      deviceIds: ['vm1', 'vm2', 'vm3'],
      installationIds: ['ws@vm1', 'ws@vm2', 'ws@vm3'],
      notes: [expect.objectContaining({ code: 'vms-counted-on-host' })],
    });
    expect(p).toMatchObject({ required: 48, owned: 100, status: 'over-licensed' });
  });

  it('stacks Windows Server Standard on a host per two VMs', () => {
    const data = input({
      products: [product('ws', { coreCounting: 'windows-server-standard' })],
      entitlements: [{ id: 'cores', productId: 'ws', metric: 'per-core', quantity: 48 }],
      installations: installs('ws', ['host', 'a', 'b', 'c', 'd', 'e']),
      devices: [server('host', 2, 8), ...['a', 'b', 'c', 'd', 'e'].map(id => vm(id, 2, 'host'))],
    });
    const c = consumerOf(position(data, 'ws'), 'host');
    expect(c).toMatchObject({ demand: 48, basis: { rule: 'windows-server-standard-host', virtualOses: 5 } });
    expect(c.deviceIds).toEqual(['a', 'b', 'c', 'd', 'e', 'host']);
  });

  it('licenses SQL Server per VM with the 4-core minimum, even on a known host', () => {
    const data = input({
      products: [product('sql', { coreCounting: 'sql-server' })],
      entitlements: [{ id: 'cores', productId: 'sql', metric: 'per-core', quantity: 12 }],
      installations: installs('sql', ['vm1', 'phys']),
      devices: [server('host', 2, 16), vm('vm1', 2, 'host'), server('phys', 2, 2)],
    });
    const p = position(data, 'sql');
    expect(p.explanation.consumers.map(c => [c.consumerId, c.demand])).toEqual([
      ['phys', 8],
      ['vm1', 4],
    ]);
    expect(p).toMatchObject({ status: 'compliant', required: 12 });
  });

  it('rounds Oracle processor licences up per core-factor group across servers', () => {
    const data = input({
      products: [product('ora', { publisher: 'Oracle', name: 'Database Enterprise Edition' })],
      entitlements: [{ id: 'procs', productId: 'ora', metric: 'oracle-processor', quantity: 9, unitCost: 47500, currency: 'USD' }],
      installations: installs('ora', ['x1', 'x2', 'x3', 'p1']),
      devices: [
        server('x1', 1, 3),
        server('x2', 1, 3),
        server('x3', 1, 3),
        server('p1', 1, 4, { processorVendor: 'IBM', processorModel: 'POWER9' }),
      ],
    });
    const p = position(data, 'ora');
    // 9 Xeon cores × 0.5 = 4.5 → 5, plus 4 POWER cores × 1.0 = 4.
    expect(p).toMatchObject({ status: 'compliant', required: 9, owned: 9, position: 0 });
    expect(consumerOf(p, 'oracle-rounding:0.5')).toMatchObject({
      consumerKind: 'rounding',
      demand: 0.5,
      basis: { rule: 'oracle-rounding', factor: 0.5 },
      shortfall: 0,
    });
    expect(p.explanation.consumers.some(c => c.consumerId === 'oracle-rounding:1')).toBe(false);
  });

  it('counts Oracle on the host under soft partitioning, and by vCPU in the cloud', () => {
    const data = input({
      products: [product('ora')],
      entitlements: [{ id: 'procs', productId: 'ora', metric: 'oracle-processor', quantity: 20 }],
      installations: installs('ora', ['vm1', 'vm2', 'cloud']),
      devices: [server('host', 2, 8), vm('vm1', 2, 'host'), vm('vm2', 2, 'host'), vm('cloud', 8)],
    });
    const p = position(data, 'ora');
    expect(p.explanation.consumers.map(c => [c.consumerId, c.demand, c.basis.rule])).toEqual([
      ['cloud', 4, 'oracle-authorised-cloud'],
      ['host', 8, 'oracle-core-factor'],
    ]);
    expect(p.required).toBe(12);
  });

  it('counts IBM PVUs at full capacity of the host', () => {
    const data = input({
      products: [product('db2', { publisher: 'IBM', name: 'Db2' })],
      entitlements: [{ id: 'pvu', productId: 'db2', metric: 'ibm-pvu', quantity: 1000, unitCost: 55, currency: 'USD' }],
      installations: installs('db2', ['vm1', 'public']),
      devices: [server('host', 2, 8, { maxSockets: 2 }), vm('vm1', 4, 'host'), vm('public', 2)],
    });
    const p = position(data, 'db2');
    expect(p.explanation.consumers.map(c => [c.consumerId, c.demand, c.basis.pvuPerCore])).toEqual([
      ['host', 1120, 70],
      ['public', 140, 70],
    ]);
    expect(p).toMatchObject({ status: 'under-licensed', required: 1260, position: -260, trueUp: { cost: 14300 } });
  });

  it('counts a device without facts as a lower bound and says the product is incomplete', () => {
    const data = input({
      products: [product('sql', { coreCounting: 'sql-server' })],
      entitlements: [{ id: 'cores', productId: 'sql', metric: 'per-core', quantity: 8 }],
      installations: installs('sql', ['unknown', 'zero']),
      devices: [server('zero', 1, 0)],
    });
    const p = position(data, 'sql');
    expect(p.status).toBe('incomplete');
    expect(consumerOf(p, 'unknown')).toMatchObject({ demand: 4, basis: { factsIncomplete: true }, notes: [expect.objectContaining({ code: 'facts-missing' })] });
    expect(consumerOf(p, 'zero').notes[0].code).toBe('facts-incomplete');
  });

  it('licenses a VM on its own, and says so, when its named host has no facts', () => {
    const data = input({
      products: [product('ora')],
      entitlements: [{ id: 'procs', productId: 'ora', metric: 'oracle-processor', quantity: 4 }],
      installations: installs('ora', ['vm1']),
      devices: [vm('vm1', 4, 'ghost-host')],
    });
    const c = consumerOf(position(data, 'ora'), 'vm1');
    expect(c).toMatchObject({ demand: 2, notes: [expect.objectContaining({ code: 'host-facts-missing' })] });
  });

  it('serves an allocation to a VM from the host it is licensed on', () => {
    const data = input({
      products: [product('ora')],
      entitlements: [
        { id: 'for-vm2', productId: 'ora', metric: 'oracle-processor', quantity: 4, termEnd: '2025-12-31', allocations: { deviceIds: ['vm2'] } },
        { id: 'pool', productId: 'ora', metric: 'oracle-processor', quantity: 4 },
      ],
      installations: installs('ora', ['vm1', 'vm2', 'other']),
      devices: [server('host', 1, 8), vm('vm1', 2, 'host'), vm('vm2', 2, 'host'), server('other', 1, 8)],
    });
    const p = position(data, 'ora');
    expect(consumerOf(p, 'host').consumed).toEqual([
      { entitlementId: 'for-vm2', productId: 'ora', amount: 4, via: 'allocation', match: 'same-version' },
    ]);
    expect(consumerOf(p, 'other').consumed[0]).toMatchObject({ entitlementId: 'pool', via: 'pool' });
    expect(p.status).toBe('compliant');
  });

  it('flags a processor missing from the PVU table', () => {
    const data = input({
      products: [product('db2')],
      entitlements: [{ id: 'pvu', productId: 'db2', metric: 'ibm-pvu', quantity: 10_000 }],
      installations: installs('db2', ['epyc']),
      devices: [server('epyc', 1, 8, { processorVendor: 'AMD', processorModel: 'EPYC 9654' })],
    });
    const c = consumerOf(position(data, 'db2'), 'epyc');
    expect(c).toMatchObject({ demand: 960, basis: { tableEntry: null }, notes: [expect.objectContaining({ code: 'unlisted-processor' })] });
  });
});
