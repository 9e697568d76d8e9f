import { isWholeMinorUnits, minorToNumber, minorUnitDigits, roundToMinor, sumMoney } from './currency';
import { rational } from './rational';

describe('currency minor units', () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['CLF', 4],
    [undefined, 2],
    ['XYZ', 2],
  ])('%s has %d decimals', (code, digits) => {
    expect(minorUnitDigits(code)).toBe(digits);
  });

  it('rounds exact amounts to the minor unit, halves away from zero', () => {
    expect(roundToMinor(rational(1n, 200n), 'EUR')).toBe(1n); // 0.005 -> 0.01
    expect(roundToMinor(rational(1n, 2n), 'JPY')).toBe(1n);
    expect(minorToNumber(409091n, 'EUR')).toBe(4090.91);
    expect(minorToNumber(1234n, 'KWD')).toBe(1.234);
  });

  it('knows whole minor units', () => {
    expect(isWholeMinorUnits(1299.99, 'EUR')).toBe(true);
    expect(isWholeMinorUnits(1299.995, 'EUR')).toBe(false);
    expect(isWholeMinorUnits(1299.5, 'JPY')).toBe(false);
  });

  it('sums without binary drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumMoney([0.1, 0.2], 'EUR')).toBe(0.3);
    expect(sumMoney(Array.from({ length: 10 }, () => 0.1))).toBe(1);
  });
});
