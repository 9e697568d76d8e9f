import { ItamValidationError } from '../errors';
import { devicesOfPart, estateCurrencyOf, planLicenceParts } from './reconcileParts';
import type { DeviceFacts } from './types';

describe('planLicenceParts', () => {
  const products = [
    { id: 'office-2019', publisher: 'Microsoft', name: 'Office' },
    { id: 'office-2021', publisher: 'microsoft', name: 'Office ' },
    { id: 'sql', publisher: 'Microsoft', name: 'SQL Server' },
    { id: 'acrobat', publisher: 'Adobe', name: 'Acrobat' },
  ];
  const counts: Record<string, number> = { 'office-2019': 40, 'office-2021': 30, sql: 5, acrobat: 20 };

  it('keeps the versions of a product together even when they outgrow a part', () => {
    const parts = planLicenceParts(products, id => counts[id], 50);
    expect(parts).toEqual([
      { productIds: ['acrobat'], installations: 20 },
      { productIds: ['office-2019', 'office-2021'], installations: 70 },
      { productIds: ['sql'], installations: 5 },
    ]);
  });

  it('fills a part with whole families up to the size asked for', () => {
    expect(planLicenceParts(products, id => counts[id], 1000)).toEqual([
      { productIds: ['acrobat', 'office-2019', 'office-2021', 'sql'], installations: 95 },
    ]);
  });

  it('plans no part for an estate without products', () => {
    expect(planLicenceParts([], () => 0, 10)).toEqual([]);
  });
});

describe('devicesOfPart', () => {
  const device = (deviceId: string, hostDeviceId?: string): DeviceFacts => ({
    deviceId,
    kind: hostDeviceId ? 'virtual' : 'physical',
    processors: 1,
    coresPerProcessor: 4,
    ...(hostDeviceId ? { hostDeviceId } : {}),
  });
  const devices = new Map([device('h1'), device('v1', 'h1'), device('d1'), device('d2'), device('v2', 'ghost')].map(d => [d.deviceId, d]));

  it('takes the devices named by installations and allocations, and the hosts of the virtual ones', () => {
    const needed = devicesOfPart([{ deviceId: 'v1' }, { deviceId: 'v2' }], [{ allocations: { deviceIds: ['d2', 'unknown'] } }], devices);
    expect(needed.map(d => d.deviceId).sort()).toEqual(['d2', 'h1', 'v1', 'v2']);
  });
});

describe('estateCurrencyOf', () => {
  it('is the one currency of the prices, or null when nothing is priced', () => {
    expect(estateCurrencyOf([{}, { currency: 'EUR' }, { currency: 'EUR' }])).toBe('EUR');
    expect(estateCurrencyOf([{}])).toBeNull();
  });

  it('refuses prices in two currencies, naming the minority', () => {
    expect(() => estateCurrencyOf([{ currency: 'EUR' }, { currency: 'EUR' }, { currency: 'USD' }])).toThrow(ItamValidationError);
    expect(() => estateCurrencyOf([{ currency: 'EUR' }, { currency: 'EUR' }, { currency: 'USD' }])).toThrow(/entitlements\.2\.currency/);
  });
});
