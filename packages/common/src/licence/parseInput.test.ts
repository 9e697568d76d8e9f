import { ItamValidationError } from '../errors';
import { parseLicenceInput, parseReconciliationOptions } from './parseInput';

const good = {
  products: [
    { id: ' sql-2022 ', publisher: 'Microsoft', name: 'SQL Server', version: '2022', underManagement: true, coreCounting: 'sql-server' },
  ],
  entitlements: [
    {
      id: 'e1',
      productId: 'sql-2022',
      metric: 'per-core',
      quantity: 16,
      termStart: '2025-01-01',
      termEnd: '2027-12-31',
      unitCost: 1859.5,
      currency: 'EUR',
      downgradeRights: true,
      allocations: { deviceIds: ['srv-1'] },
    },
    { id: 'e2', productId: 'sql-2022', metric: 'per-user', quantity: 5, allocations: { userRefs: ['jane'] } },
    { id: 'e3', productId: 'sql-2022', metric: 'site' },
  ],
  installations: [
    { id: 'i1', deviceId: 'srv-1', productId: 'sql-2022', version: '16.0.1000.6', lastUsed: '2025-06-01T23:30:00-02:00' },
    { id: 'i2', deviceId: 'srv-1', productId: 'sql-2022', lastUsed: null },
  ],
  devices: [{ deviceId: 'srv-1', kind: 'physical', processors: 2, coresPerProcessor: 8, processorVendor: 'Intel', processorModel: 'Xeon Gold 6338', maxSockets: 2 }],
  userAssignments: [{ userRef: 'user:default/jane', productId: 'sql-2022' }],
  concurrentPeaks: [{ productId: 'sql-2022', peak: 3, observedAt: '2025-06-01' }],
};

function issuesOf(input: unknown) {
  try {
    parseLicenceInput(input);
  } catch (e) {
    if (e instanceof ItamValidationError) return e.issues;
    throw e;
  }
  throw new Error('expected the input to be refused');
}

describe('parseLicenceInput', () => {
  it('accepts valid input and normalises ids, user refs and usage dates', () => {
    const parsed = parseLicenceInput(good);
    expect(parsed.products[0].id).toBe('sql-2022');
    expect(parsed.entitlements[1].allocations?.userRefs).toEqual(['user:default/jane']);
    // 23:30 at UTC−2 is the next day in UTC.
    expect(parsed.installations[0].lastUsed).toBe('2025-06-02');
    expect(parsed.installations[1].lastUsed).toBeNull();
  });

  it('defaults omitted evidence collections to empty', () => {
    expect(parseLicenceInput({ products: [] })).toEqual({
      products: [],
      entitlements: [],
      installations: [],
      devices: [],
      userAssignments: [],
      concurrentPeaks: [],
    });
  });

  const entitlement = (patch: Record<string, unknown>) => ({
    ...good,
    entitlements: [{ id: 'e', productId: 'sql-2022', metric: 'per-device', quantity: 1, ...patch }],
  });

  it.each([
    ['entitlements.0.quantity', entitlement({ quantity: undefined }), 'is required for per-device rights'],
    ['entitlements.0.quantity', entitlement({ quantity: 1.5 }), 'must be integer'],
    ['entitlements.0.quantity', entitlement({ quantity: -1 }), 'must not be negative'],
    ['entitlements.0.metric', entitlement({ metric: 'per-socket' }), 'must be one of "per-device"'],
    ['entitlements.0.termEnd', entitlement({ termStart: '2025-02-01', termEnd: '2025-01-31' }), 'must not be before termStart'],
    ['entitlements.0.termEnd', entitlement({ termEnd: '2025-02-30' }), 'real calendar date'],
    ['entitlements.0.currency', entitlement({ unitCost: 10 }), 'is required when a unitCost is given'],
    ['entitlements.0.unitCost', entitlement({ currency: 'EUR' }), 'is required when a currency is given'],
    ['entitlements.0.currency', entitlement({ unitCost: 10, currency: 'euro' }), 'ISO 4217'],
    ['entitlements.0.downgradeRights', entitlement({ metric: 'subscription', downgradeRights: true }), 'do not apply to subscription'],
    ['entitlements.0.allocations.userRefs', entitlement({ allocations: { userRefs: ['jane'] } }), 'not counted per user'],
    ['entitlements.0.allocations.deviceIds', entitlement({ metric: 'site', allocations: { deviceIds: ['d'] } }), 'not counted per device'],
    ['entitlements.0.allocations.deviceIds.1', entitlement({ allocations: { deviceIds: ['d', 'd'] } }), 'duplicates "d"'],
    ['entitlements.0.allocations.userRefs.0', entitlement({ metric: 'per-user', allocations: { userRefs: ['group:default/x'] } }), 'must reference a user'],
    ['entitlements.0.productId', entitlement({ productId: 'ghost' }), 'names unknown product "ghost"'],
  ])('reports %s', (path, input, message) => {
    expect(issuesOf(input)).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it.each([
    ['devices.0.hostDeviceId', { deviceId: 'p', kind: 'physical', processors: 1, coresPerProcessor: 1, hostDeviceId: 'h' }, 'only for virtual'],
    ['devices.0.hostDeviceId', { deviceId: 'v', kind: 'virtual', processors: 1, coresPerProcessor: 1, hostDeviceId: 'v' }, 'another device'],
    ['devices.0.maxSockets', { deviceId: 'p', kind: 'physical', processors: 4, coresPerProcessor: 1, maxSockets: 2 }, 'at least the number of processors'],
    ['devices.0.coresPerProcessor', { deviceId: 'p', kind: 'physical', processors: 1, coresPerProcessor: -2 }, 'must not be negative'],
    ['devices.0.kind', { deviceId: 'p', kind: 'container', processors: 1, coresPerProcessor: 1 }, 'must be one of'],
  ])('reports %s', (path, device, message) => {
    expect(issuesOf({ ...good, devices: [device] })).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('refuses duplicate installation ids', () => {
    const installations = [
      { id: 'i', deviceId: 'd1', productId: 'sql-2022' },
      { id: 'i', deviceId: 'd2', productId: 'sql-2022' },
    ];
    expect(issuesOf({ ...good, installations })).toEqual([{ path: 'installations.1.id', message: 'duplicates installation id "i"' }]);
  });

  it('refuses a VM hosted on another VM', () => {
    const devices = [
      { deviceId: 'v1', kind: 'virtual', processors: 1, coresPerProcessor: 2 },
      { deviceId: 'v2', kind: 'virtual', processors: 1, coresPerProcessor: 2, hostDeviceId: 'v1' },
    ];
    expect(issuesOf({ ...good, devices })).toEqual([{ path: 'devices.1.hostDeviceId', message: expect.stringContaining('must name a physical device') }]);
  });

  it('reports bad usage dates and unknown fields', () => {
    const issues = issuesOf({
      ...good,
      installations: [{ id: 'i', deviceId: 'd', productId: 'sql-2022', lastUsed: 'yesterday', colour: 'red' }],
      concurrentPeaks: [{ productId: 'sql-2022', peak: 2, observedAt: '2025-13-01' }],
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'installations.0', message: 'has unknown field(s) "colour"' },
        { path: 'installations.0.lastUsed', message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time' },
        { path: 'concurrentPeaks.0.observedAt', message: 'must be a real calendar date' },
      ]),
    );
  });

  it('reports every missing collection and field, not just the first', () => {
    const issues = issuesOf({ products: [{ id: 'p' }] });
    expect(issues.map(i => i.path)).toEqual(['products.0.publisher', 'products.0.name', 'products.0.underManagement']);
  });

  it('caps the number of issues it lists', () => {
    const installations = Array.from({ length: 250 }, (_, i) => ({ id: `i${i}`, deviceId: 'd', productId: 'ghost' }));
    const issues = issuesOf({ ...good, installations });
    expect(issues).toHaveLength(101);
    expect(issues[100]).toEqual({ path: '', message: 'and 150 more problem(s) of the same kinds' });
  });
});

describe('parseReconciliationOptions', () => {
  it('applies defaults', () => {
    expect(parseReconciliationOptions({ asOf: '2025-06-30' })).toEqual({
      asOf: '2025-06-30',
      harvestAfterDays: 90,
      concurrentPeakWindowDays: 90,
    });
  });

  it('refuses a missing date and a zero window', () => {
    expect(() => parseReconciliationOptions({ concurrentPeakWindowDays: 0 })).toThrow(
      'Invalid reconciliation options: asOf: is required; concurrentPeakWindowDays: must be at least 1',
    );
  });
});
