import {
  ASSET_LICENCE_SEVERITY,
  assetLicencesOf,
  assetLicenceStatus,
  installedProductLicences,
  installedProductPositions,
} from './assetLicences';
import { productDisplayName, productFullName } from './productNames';
import type { LicenceStatus } from './resultTypes';

const position = (productId: string, status: 'compliant' | 'under-licensed' | 'unreconciled', underManagement = true) => ({
  productId,
  status,
  underManagement,
});

describe('installedProductPositions', () => {
  it('keeps each managed, reconciled product once, in installation order', () => {
    const positions = [
      position('sql', 'under-licensed'),
      position('rhel', 'compliant'),
      position('zip', 'compliant', false),
      position('new', 'unreconciled'),
    ];
    const installations = [
      { matchedProductId: 'rhel' },
      { matchedProductId: null },
      { matchedProductId: 'sql' },
      { matchedProductId: 'rhel' },
      { matchedProductId: 'zip' },
      { matchedProductId: 'new' },
      { matchedProductId: 'gone' },
    ];
    expect(installedProductPositions(installations, positions).map(p => p.productId)).toEqual(['rhel', 'sql']);
  });

  it('ranks a shortfall above unproven compliance above covered', () => {
    expect(ASSET_LICENCE_SEVERITY['under-licensed']).toBeGreaterThan(ASSET_LICENCE_SEVERITY.incomplete);
    expect(ASSET_LICENCE_SEVERITY.incomplete).toBeGreaterThan(ASSET_LICENCE_SEVERITY.compliant);
    expect(ASSET_LICENCE_SEVERITY['over-licensed']).toBe(ASSET_LICENCE_SEVERITY.compliant);
  });
});

const priced = (productId: string, name: string, status: LicenceStatus, position: number | null, version?: string) => ({
  productId,
  name,
  version,
  publisher: 'Microsoft',
  status,
  underManagement: true,
  position,
  unit: 'core' as const,
});

describe('installedProductLicences', () => {
  it('lists the managed products worst first, then by name, each with its position', () => {
    const positions = [
      priced('visio', 'Visio', 'over-licensed', 3),
      priced('sql', 'SQL Server', 'under-licensed', -16, '2022'),
      priced('office', 'Office', 'incomplete', 0),
      priced('access', 'Access', 'compliant', 0),
      priced('new', 'New', 'unreconciled', null),
    ];
    const installations = ['visio', 'access', 'sql', 'office', 'new', 'sql'].map(matchedProductId => ({ matchedProductId }));
    expect(installedProductLicences(installations, positions)).toEqual([
      { productId: 'sql', name: 'SQL Server 2022', publisher: 'Microsoft', status: 'under-licensed', position: -16, unit: 'core' },
      { productId: 'office', name: 'Office', publisher: 'Microsoft', status: 'incomplete', position: 0, unit: 'core' },
      { productId: 'access', name: 'Access', publisher: 'Microsoft', status: 'compliant', position: 0, unit: 'core' },
      { productId: 'visio', name: 'Visio', publisher: 'Microsoft', status: 'over-licensed', position: 3, unit: 'core' },
    ]);
  });
});

describe('assetLicenceStatus', () => {
  it('is the worst product status, surplus counting as compliant, and none without products', () => {
    expect(assetLicenceStatus([])).toBe('none');
    expect(assetLicenceStatus([{ status: 'over-licensed' }])).toBe('compliant');
    expect(assetLicenceStatus([{ status: 'compliant' }, { status: 'incomplete' }])).toBe('incomplete');
    expect(assetLicenceStatus([{ status: 'incomplete' }, { status: 'under-licensed' }, { status: 'compliant' }])).toBe('under-licensed');
  });

  it('comes with the products behind it', () => {
    const positions = [priced('sql', 'SQL Server', 'under-licensed', -4)];
    expect(assetLicencesOf('a1', [{ matchedProductId: 'sql' }, { matchedProductId: null }], positions)).toEqual({
      assetId: 'a1',
      status: 'under-licensed',
      products: [expect.objectContaining({ productId: 'sql', position: -4 })],
    });
    expect(assetLicencesOf('a2', [], positions)).toEqual({ assetId: 'a2', status: 'none', products: [] });
  });
});

describe('product names', () => {
  it('join name and version, with the publisher where it stands alone', () => {
    expect(productDisplayName({ name: 'SQL Server Enterprise', version: '2022' })).toBe('SQL Server Enterprise 2022');
    expect(productDisplayName({ name: 'Slack', version: null })).toBe('Slack');
    expect(productFullName({ publisher: 'Microsoft', name: 'SQL Server Enterprise', version: '2022' })).toBe('Microsoft SQL Server Enterprise 2022');
    expect(productFullName({ publisher: '', name: 'Slack' })).toBe('Slack');
  });
});
