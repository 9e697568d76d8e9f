import { ItamValidationError } from '../errors';
import { depreciationForPeriod } from './periodDepreciation';

describe('depreciationForPeriod', () => {
  it('rounds each period on its own, to the currency minor unit', () => {
    const thirds = { method: 'straight-line' as const, cost: 1000, life: 3 };
    expect([1, 2, 3].map(p => depreciationForPeriod(thirds, p))).toEqual([333.33, 333.33, 333.33]);
    expect(depreciationForPeriod({ ...thirds, cost: 1000, currency: 'JPY' }, 1)).toBe(333);
    expect(depreciationForPeriod({ ...thirds, cost: 1, currency: 'KWD' }, 1)).toBe(0.333);
  });

  it('applies the straight-line switch per period when asked', () => {
    const input = { method: 'declining-balance' as const, cost: 2400, salvage: 0, life: 10 };
    expect(depreciationForPeriod(input, 7)).toBe(125.83);
    expect(depreciationForPeriod({ ...input, switchToStraightLine: true }, 7)).toBe(157.29);
  });

  it('names a bad period', () => {
    const call = () => depreciationForPeriod({ method: 'straight-line', cost: 10, life: 2 }, 3);
    expect(call).toThrow(ItamValidationError);
    expect(call).toThrow('period: must be a whole number from 1 to the life (2)');
  });
});
