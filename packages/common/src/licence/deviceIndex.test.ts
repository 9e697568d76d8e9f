import { ItamValidationError } from '../errors';
import { LicenceDeviceIndex } from './deviceIndex';
import { reconcileLicences, reconcileLicencesOnDevices } from './reconcile';
import type { DeviceFacts, LicenceInput } from './types';

const host: DeviceFacts = { deviceId: 'h1', kind: 'physical', processors: 2, coresPerProcessor: 8 };
const vm: DeviceFacts = { deviceId: 'v1', kind: 'virtual', processors: 1, coresPerProcessor: 4, hostDeviceId: 'h1' };

describe('LicenceDeviceIndex.of', () => {
  it('refuses the devices reconcileLicences refuses, naming the field', () => {
    expect(() => LicenceDeviceIndex.of([host, host])).toThrow(ItamValidationError);
    expect(() => LicenceDeviceIndex.of([host, host])).toThrow(/devices\.1\.deviceId/);
    expect(() => LicenceDeviceIndex.of([vm, { ...vm, deviceId: 'v2', hostDeviceId: 'v1' }])).toThrow(/devices\.1\.hostDeviceId.*physical/);
    expect(() => LicenceDeviceIndex.of([{ ...host, processors: -1 }])).toThrow(/devices\.0\.processors/);
  });
});

describe('reconcileLicencesOnDevices', () => {
  const input: LicenceInput = {
    products: [
      { id: 'db', publisher: 'Oracle', name: 'Database', underManagement: true },
      { id: 'office', publisher: 'Microsoft', name: 'Office', underManagement: true },
    ],
    entitlements: [
      { id: 'e-db', productId: 'db', metric: 'oracle-processor', quantity: 1 },
      { id: 'e-office', productId: 'office', metric: 'per-device', quantity: 1, allocations: { deviceIds: ['laptop-9'] } },
    ],
    // laptop-9 has no facts: reconciling interns it into the index.
    installations: [
      { id: '1', deviceId: 'v1', productId: 'db' },
      { id: '2', deviceId: 'laptop-9', productId: 'office' },
      { id: '3', deviceId: 'h1', productId: 'office' },
    ],
    devices: [host, vm],
    userAssignments: [],
    concurrentPeaks: [],
  };
  const { devices, ...evidence } = input;

  it('gives the positions reconcileLicences gives, on an index reused by several reconciliations', () => {
    const expected = reconcileLicences(input, { asOf: '2026-06-30' });
    const index = LicenceDeviceIndex.of(devices);
    const office = reconcileLicencesOnDevices(
      { ...evidence, products: [input.products[1]], entitlements: [input.entitlements[1]], installations: input.installations.slice(1) },
      index,
      { asOf: '2026-06-30' },
    );
    expect(office.products).toEqual([expected.products[1]]);
    expect(reconcileLicencesOnDevices(evidence, index, { asOf: '2026-06-30' })).toEqual(expected);
    // The VM is licensed on its host, which the index found once for both reconciliations.
    expect(expected.products[0].explanation.consumers.map(c => c.consumerId)).toEqual(['h1']);
  });

  it('still checks what is not a device, naming the field', () => {
    expect(() =>
      reconcileLicencesOnDevices({ ...evidence, products: [...input.products, input.products[0]] }, LicenceDeviceIndex.of(devices), { asOf: '2026-06-30' }),
    ).toThrow(/products\.2\.id/);
  });
});
