import fc from 'fast-check';
import { CORE_COUNTING_RULES, LICENCE_METRIC_INFO, LICENCE_METRICS } from './metrics';
import { LicenceDeviceIndex } from './deviceIndex';
import { reconcileLicences, reconcileLicencesOnDevices } from './reconcile';
import { licenceInputPart, reconcileLicencesInParts } from './reconcileParts';
import type { DeviceFacts, Entitlement, LicenceInput, SoftwareProduct } from './types';

const AS_OF = '2025-06-30';
const DATES = ['2024-01-01', '2025-06-29', '2025-06-30', '2025-07-01', '2026-12-31'];
const DEVICES = ['h1', 'h2', 'd1', 'd2', 'd3', 'v1', 'v2', 'v3'];
const USERS = ['user:default/amy', 'user:default/bob', 'user:default/cy'];
const PROCESSORS = [
  { processorVendor: 'Intel', processorModel: 'Xeon Gold 6338' },
  { processorVendor: 'IBM', processorModel: 'POWER9' },
  { processorVendor: 'Acme', processorModel: 'Mystery' },
];

const productsArb: fc.Arbitrary<SoftwareProduct[]> = fc
  .tuple(
    fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    fc.constantFrom(...CORE_COUNTING_RULES),
  )
  .map(([managed, coreCounting]) => [
    { id: 'a0', publisher: 'Acme', name: 'App', underManagement: managed[0] || true },
    { id: 'a1', publisher: 'Acme', name: 'App', version: '1', underManagement: managed[1] },
    { id: 'a2', publisher: 'acme', name: 'APP', version: '2', underManagement: true },
    { id: 'a3', publisher: 'Acme', name: 'App', version: '3', underManagement: managed[3] },
    { id: 'srv', publisher: 'Microsoft', name: 'Server', version: '2022', underManagement: true, coreCounting },
    { id: 'db', publisher: 'Oracle', name: 'DB', underManagement: managed[5] },
  ]);
const PRODUCT_IDS = ['a0', 'a1', 'a2', 'a3', 'srv', 'db'];

const devicesArb: fc.Arbitrary<DeviceFacts[]> = fc
  .tuple(
    ...DEVICES.map(deviceId =>
      fc.option(
        fc.record({
          processors: fc.integer({ min: 0, max: 4 }),
          cores: fc.integer({ min: 0, max: 24 }),
          processor: fc.constantFrom(...PROCESSORS),
          host: fc.constantFrom<string | undefined>('h1', 'h2', 'ghost', undefined),
        }),
        { nil: undefined, freq: 5 },
      ).map((f): DeviceFacts | undefined => {
        if (f === undefined) return undefined;
        const virtual = deviceId.startsWith('v');
        return {
          deviceId,
          kind: virtual ? 'virtual' : 'physical',
          processors: f.processors,
          coresPerProcessor: f.cores,
          ...f.processor,
          ...(virtual && f.host !== undefined ? { hostDeviceId: f.host } : {}),
        };
      }),
    ),
  )
  .map(list => list.filter((d): d is DeviceFacts => d !== undefined));

const entitlementArb = fc
  .record({
    productId: fc.constantFrom(...PRODUCT_IDS),
    metric: fc.constantFrom(...LICENCE_METRICS),
    quantity: fc.integer({ min: 0, max: 40 }),
    termStart: fc.option(fc.constantFrom(...DATES.slice(0, 3)), { nil: undefined }),
    termEnd: fc.option(fc.constantFrom(...DATES.slice(1)), { nil: undefined }),
    unitCost: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
    downgradeRights: fc.boolean(),
    allocatedDevices: fc.subarray(DEVICES, { maxLength: 3 }),
    allocatedUsers: fc.subarray(USERS, { maxLength: 2 }),
  })
  .map(e => {
    const kind = LICENCE_METRIC_INFO[e.metric].consumerKind;
    return {
      productId: e.productId,
      metric: e.metric,
      ...(LICENCE_METRIC_INFO[e.metric].unlimited ? {} : { quantity: e.quantity }),
      ...(e.termStart !== undefined ? { termStart: e.termStart } : {}),
      ...(e.termEnd !== undefined && (e.termStart === undefined || e.termEnd >= e.termStart) ? { termEnd: e.termEnd } : {}),
      ...(e.unitCost !== undefined ? { unitCost: e.unitCost, currency: 'EUR' } : {}),
      downgradeRights: e.downgradeRights,
      allocations: {
        deviceIds: kind === 'device' ? e.allocatedDevices : [],
        userRefs: kind === 'user' ? e.allocatedUsers : [],
      },
    };
  });

const inputArb: fc.Arbitrary<LicenceInput> = fc
  .record({
    products: productsArb,
    devices: devicesArb,
    entitlements: fc.array(entitlementArb, { maxLength: 14 }),
    installations: fc.array(
      fc.record({
        deviceId: fc.constantFrom(...DEVICES),
        productId: fc.constantFrom(...PRODUCT_IDS),
        lastUsed: fc.constantFrom<string | null | undefined>(null, undefined, '2024-01-01', '2025-06-01'),
      }),
      { maxLength: 30 },
    ),
    userAssignments: fc.array(
      fc.record({ userRef: fc.constantFrom(...USERS), productId: fc.constantFrom(...PRODUCT_IDS) }),
      { maxLength: 8 },
    ),
    concurrentPeaks: fc.array(
      fc.record({
        productId: fc.constantFrom(...PRODUCT_IDS),
        peak: fc.integer({ min: 0, max: 20 }),
        observedAt: fc.constantFrom('2025-01-01', '2025-05-01', '2025-06-30', '2025-07-02'),
      }),
      { maxLength: 5 },
    ),
  })
  .map(raw => ({
    ...raw,
    entitlements: raw.entitlements.map((e, i): Entitlement => ({ id: `e${i}`, ...e })),
    installations: raw.installations.map((inst, i) => {
      const { lastUsed, ...rest } = inst;
      return { id: `i${i}`, ...rest, ...(lastUsed !== undefined ? { lastUsed } : {}) };
    }),
  }));

/** A copy of the input with every collection in another order. */
function shuffled(input: LicenceInput, seeds: number[]): LicenceInput {
  let n = 0;
  const shuffle = <T>(list: readonly T[]): T[] => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = seeds[n++ % seeds.length] % (i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return {
    products: shuffle(input.products),
    entitlements: shuffle(input.entitlements).map(e => ({
      ...e,
      allocations: { deviceIds: shuffle(e.allocations?.deviceIds ?? []), userRefs: shuffle(e.allocations?.userRefs ?? []) },
    })),
    installations: shuffle(input.installations),
    devices: shuffle(input.devices),
    userAssignments: shuffle(input.userAssignments),
    concurrentPeaks: shuffle(input.concurrentPeaks),
  };
}

describe('reconcileLicences properties', () => {
  it('never consumes more of a right than exists, and accounts for every unit of demand', () => {
    fc.assert(
      fc.property(inputArb, input => {
        const report = reconcileLicences(input, { asOf: AS_OF });
        const quantity = new Map<string, number | undefined>();
        const consumedBy = new Map<string, number>();
        for (const e of input.entitlements) {
          const managed = input.products.find(p => p.id === e.productId)!.underManagement;
          if (managed) quantity.set(e.id, LICENCE_METRIC_INFO[e.metric].unlimited ? undefined : e.quantity);
        }
        for (const p of report.products) {
          for (const c of p.explanation.consumers) {
            let covered = 0;
            for (const x of c.consumed) {
              // Rights of products outside management are never used.
              expect(quantity.has(x.entitlementId)).toBe(true);
              expect(x.amount).toBeGreaterThan(0);
              covered += x.amount;
              if (x.via !== 'unlimited') consumedBy.set(x.entitlementId, (consumedBy.get(x.entitlementId) ?? 0) + x.amount);
            }
            expect(c.shortfall).toBeGreaterThanOrEqual(0);
            expect(covered + c.shortfall).toBeCloseTo(c.demand, 9);
          }
        }
        // Rights are consumed across versions, so usage is checked once all consumption is known.
        for (const p of report.products) {
          for (const u of p.explanation.entitlements) {
            const used = consumedBy.get(u.entitlementId) ?? 0;
            if (u.quantity === null) continue;
            expect(used).toBeLessThanOrEqual(u.quantity);
            expect(u.consumed).toBeCloseTo(used, 9);
            if (u.termStatus === 'active') expect(u.remaining).toBeCloseTo(u.quantity - used, 9);
            else expect(used).toBe(0);
          }
          for (const l of p.lines) {
            expect(l.position).toBeCloseTo(l.surplus - l.shortfall, 9);
            expect(l.surplus).toBeLessThanOrEqual(l.entitled);
          }
          if (p.status === 'compliant' || p.status === 'over-licensed') {
            expect(p.lines.every(l => l.shortfall === 0)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result whatever the order of the input', () => {
    fc.assert(
      fc.property(inputArb, fc.array(fc.nat(), { minLength: 1, maxLength: 50 }), (input, seeds) => {
        const a = reconcileLicences(input, { asOf: AS_OF });
        const b = reconcileLicences(shuffled(input, seeds), { asOf: AS_OF });
        expect(b).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same report reconciled a part at a time, whatever the part size', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 40 }), (input, installationsPerPart) => {
        expect(reconcileLicencesInParts(input, { asOf: AS_OF }, installationsPerPart)).toEqual(reconcileLicences(input, { asOf: AS_OF }));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same report on a device index whatever was reconciled on it before', () => {
    fc.assert(
      fc.property(inputArb, input => {
        const { devices, ...evidence } = input;
        const index = LicenceDeviceIndex.of(devices);
        // Each product alone first, last to first: interns devices into the index in another order.
        for (const p of [...input.products].reverse()) reconcileLicencesOnDevices(licenceInputPart(evidence, [p.id]), index, { asOf: AS_OF });
        expect(reconcileLicencesOnDevices(evidence, index, { asOf: AS_OF })).toEqual(reconcileLicences(input, { asOf: AS_OF }));
      }),
      { numRuns: 200 },
    );
  });
});

