import { add, fromNumber, mul, rational, reduce, roundHalfAwayFromZero, sub } from './rational';

describe('rational', () => {
  it.each([
    [0.1, 1n, 10n],
    [1299.99, 129999n, 100n],
    [-2.5, -5n, 2n],
    [1e21, 10n ** 21n, 1n],
    [1.5e-7, 3n, 20_000_000n],
    [0, 0n, 1n],
  ])('reads %p as the decimal a person wrote', (x, n, d) => {
    expect(fromNumber(x)).toEqual({ n, d });
  });

  it('refuses non-finite numbers', () => {
    expect(() => fromNumber(Number.NaN)).toThrow(RangeError);
    expect(() => fromNumber(Infinity)).toThrow(RangeError);
  });

  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    expect(reduce(add(fromNumber(0.1), fromNumber(0.2)))).toEqual(fromNumber(0.3));
  });

  it('multiplies and subtracts exactly, and normalises signs', () => {
    const third = rational(1n, 3n);
    expect(reduce(mul(third, rational(3n)))).toEqual({ n: 1n, d: 1n });
    expect(reduce(sub(rational(1n), third))).toEqual({ n: 2n, d: 3n });
    expect(rational(2n, -4n)).toEqual({ n: -1n, d: 2n });
    expect(() => rational(1n, 0n)).toThrow(RangeError);
  });

  it.each([
    [rational(5n, 2n), 3n],
    [rational(-5n, 2n), -3n],
    [rational(249n, 100n), 2n],
    [rational(251n, 100n), 3n],
    [rational(-7n, 3n), -2n],
    [rational(0n), 0n],
  ])('rounds %p half away from zero to %p', (r, expected) => {
    expect(roundHalfAwayFromZero(r)).toBe(expected);
  });
});
