import { compareVersions } from './versions';

describe('compareVersions', () => {
  it.each([
    ['2019', '2022', -1],
    ['2022', '2019', 1],
    ['2022', '2022', 0],
    ['9', '10', -1],
    ['16.0.1', '16.0.10', -1],
    ['16.0', '16.0.0', -1],
    ['2012 R2', '2012', 1],
    ['2012', '2012 R2', -1],
    ['v1.2', 'V1.2', 0],
    ['1.0-beta', '1.0', 1],
    ['0010', '9', 1],
    ['12345678901234567890', '12345678901234567891', -1],
    ['beta', '1', -1],
    ['alpha', 'beta', -1],
  ])('%s vs %s → %i', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });

  it('is antisymmetric', () => {
    const versions = ['1', '1.0', '1.10', '1.9', '2012', '2012 R2', 'beta', '2.0-rc1'];
    for (const a of versions) {
      for (const b of versions) expect(Math.sign(compareVersions(a, b)) + Math.sign(compareVersions(b, a))).toBe(0);
    }
  });
});
