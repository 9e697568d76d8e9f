import { ASSET_LICENCE_SEVERITY, installedProductPositions } from './assetLicences';

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
