import fc from 'fast-check';
import { allocateEvenly } from './allocateEvenly';

describe('allocateEvenly', () => {
  it('gives the leftover cents to the parts from the offset on', () => {
    expect(allocateEvenly(10000n, 3)).toEqual([3334n, 3333n, 3333n]);
    expect(allocateEvenly(10000n, 3, 2)).toEqual([3333n, 3333n, 3334n]);
    expect(allocateEvenly(2n, 3, 2)).toEqual([1n, 0n, 1n]);
    expect(allocateEvenly(-5n, 2)).toEqual([-3n, -2n]);
  });

  it('refuses zero parts', () => {
    expect(() => allocateEvenly(1n, 0)).toThrow(RangeError);
  });

  it('adds up exactly and differs by at most one unit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 1, max: 60 }), fc.nat(100), (m, n, off) => {
        const shares = allocateEvenly(m, n, off);
        expect(shares).toHaveLength(n);
        expect(shares.reduce((a, b) => a + b, 0n)).toBe(m);
        const sorted = [...shares].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(sorted[n - 1] - sorted[0]).toBeLessThanOrEqual(1n);
      }),
    );
  });
});
