import { licenceHealth, productLicenceText, worstLicenceStatus } from './licence-status';

// Which products an asset runs and its status are common's (installedProductLicences,
// assetLicenceStatus), worked out by the backend; the panel only ranks and words them.
describe('worstLicenceStatus', () => {
  it('ranks unknown below a known problem and above compliant', () => {
    expect(worstLicenceStatus(['compliant', 'unknown', 'none'])).toBe('unknown');
    expect(worstLicenceStatus(['unknown', 'incomplete'])).toBe('incomplete');
    expect(worstLicenceStatus([])).toBe('none');
  });
});

describe('productLicenceText', () => {
  it('says the status with the shortfall or the spare rights', () => {
    expect(productLicenceText({ name: 'SQL Server 2022 Enterprise', status: 'under-licensed', position: -16 })).toBe(
      'SQL Server 2022 Enterprise — under-licensed (short 16)',
    );
    expect(productLicenceText({ name: 'Office', status: 'over-licensed', position: 3 })).toBe('Office — over-licensed (3 spare)');
    expect(productLicenceText({ name: 'Office', status: 'compliant', position: 0 })).toBe('Office — compliant');
    expect(productLicenceText({ name: 'X', status: 'under-licensed', position: null })).toBe('X — under-licensed');
  });
});

describe('licenceHealth', () => {
  it('needs attention only for a shortfall', () => {
    expect(licenceHealth('under-licensed')).toBe('attention');
    expect((['incomplete', 'compliant', 'none', 'unknown'] as const).map(s => licenceHealth(s))).toEqual(['ok', 'ok', 'ok', 'ok']);
  });
});
