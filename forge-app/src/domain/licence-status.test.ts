import type { ProductPosition } from '@itam/common';
import {
  assetLicenceStatus,
  installedProductLicences,
  licenceHealth,
  productLicenceText,
  worstLicenceStatus,
} from './licence-status';

type Position = Pick<ProductPosition, 'productId' | 'name' | 'version' | 'underManagement' | 'status' | 'position'>;
const position = (productId: string, patch: Partial<Position> = {}): Position => ({
  productId,
  name: productId,
  underManagement: true,
  status: 'compliant',
  position: 0,
  ...patch,
});

describe('installedProductLicences', () => {
  const positions = [
    position('sql-ent', { name: 'SQL Server Enterprise', version: '2022', status: 'under-licensed', position: -16 }),
    position('office', { name: 'Office', status: 'over-licensed', position: 3 }),
    position('visio', { underManagement: false, status: 'unreconciled', position: null }),
  ];

  it('lists each matched product once with its position, by name', () => {
    const installed = [{ matchedProductId: 'sql-ent' }, { matchedProductId: 'office' }, { matchedProductId: 'sql-ent' }];
    expect(installedProductLicences(installed, positions)).toEqual([
      { productId: 'office', name: 'Office', status: 'over-licensed', position: 3 },
      { productId: 'sql-ent', name: 'SQL Server Enterprise 2022', status: 'under-licensed', position: -16 },
    ]);
  });

  it('ignores unmatched software, unmanaged products and products without a position', () => {
    const installed = [{ matchedProductId: null }, { matchedProductId: 'visio' }, { matchedProductId: 'gone' }];
    expect(installedProductLicences(installed, positions)).toEqual([]);
  });

  it('leaves the position out when the product mixes units', () => {
    const [product] = installedProductLicences([{ matchedProductId: 'x' }], [position('x', { status: 'incomplete', position: null })]);
    expect(product).toEqual({ productId: 'x', name: 'x', status: 'incomplete' });
  });
});

describe('assetLicenceStatus', () => {
  it('is the worst product status: under-licensed, then incomplete; over-licensed is compliant', () => {
    expect(assetLicenceStatus([{ status: 'compliant' }, { status: 'under-licensed' }, { status: 'incomplete' }])).toBe('under-licensed');
    expect(assetLicenceStatus([{ status: 'over-licensed' }, { status: 'incomplete' }])).toBe('incomplete');
    expect(assetLicenceStatus([{ status: 'over-licensed' }, { status: 'compliant' }])).toBe('compliant');
  });

  it('is none without managed software', () => {
    expect(assetLicenceStatus([])).toBe('none');
  });
});

describe('worstLicenceStatus', () => {
  it('ranks unknown below a known problem and above compliant', () => {
    expect(worstLicenceStatus(['compliant', 'unknown', 'none'])).toBe('unknown');
    expect(worstLicenceStatus(['unknown', 'incomplete'])).toBe('incomplete');
    expect(worstLicenceStatus([])).toBe('none');
  });
});

describe('productLicenceText', () => {
  it('says the status with the shortfall or the spare rights', () => {
    expect(productLicenceText({ productId: 's', name: 'SQL Server 2022 Enterprise', status: 'under-licensed', position: -16 })).toBe(
      'SQL Server 2022 Enterprise — under-licensed (short 16)',
    );
    expect(productLicenceText({ productId: 'o', name: 'Office', status: 'over-licensed', position: 3 })).toBe('Office — over-licensed (3 spare)');
    expect(productLicenceText({ productId: 'o', name: 'Office', status: 'compliant', position: 0 })).toBe('Office — compliant');
    expect(productLicenceText({ productId: 'x', name: 'X', status: 'under-licensed' })).toBe('X — under-licensed');
  });
});

describe('licenceHealth', () => {
  it('needs attention only for a shortfall', () => {
    expect(licenceHealth('under-licensed')).toBe('attention');
    expect((['incomplete', 'compliant', 'none', 'unknown'] as const).map(s => licenceHealth(s))).toEqual(['ok', 'ok', 'ok', 'ok']);
  });
});
