import { ItamValidationError } from '../errors';
import { roundMoney, sumTrueUps, trueUpCost } from './trueUp';

describe('trueUpCost', () => {
  it('prices a shortfall, is 0 without one and null without a price', () => {
    expect(trueUpCost(3, 0.1)).toBe(0.3);
    expect(trueUpCost(0, null)).toBe(0);
    expect(trueUpCost(2, null)).toBeNull();
  });

  it('rounds to the stored precision', () => {
    expect(roundMoney(0.1 + 0.2)).toBe(0.3);
    expect(roundMoney(1.23456)).toBe(1.2346);
  });
});

describe('sumTrueUps', () => {
  it('adds estimates in one currency and keeps incompleteness', () => {
    expect(
      sumTrueUps([
        { cost: 10.1, currency: 'EUR', complete: true },
        { cost: 0.2, currency: 'EUR', complete: false },
        { cost: 0, currency: null, complete: true },
      ]),
    ).toEqual({ cost: 10.3, currency: 'EUR', complete: false });
  });

  it('refuses to add different currencies', () => {
    const add = () =>
      sumTrueUps([
        { cost: 1, currency: 'EUR', complete: true },
        { cost: 1, currency: 'USD', complete: true },
      ]);
    expect(add).toThrow(ItamValidationError);
    expect(add).toThrow('trueUp: mixes currencies (EUR, USD)');
  });

  it('is zero with no currency for nothing', () => {
    expect(sumTrueUps([])).toEqual({ cost: 0, currency: null, complete: true });
  });
});
