import fc from 'fast-check';
import { ItamValidationError } from '../errors';
import { minorUnitScale } from './currency';
import { DEPRECIATION_METHODS, type DepreciationInput } from './depreciationInput';
import { depreciationSchedule } from './depreciationSchedule';
import { depreciationForPeriod } from './periodDepreciation';

/** Amount in minor units, as the schedule's figures are exact minor units. */
const minor = (x: number, currency?: string) => Math.round(x * Number(minorUnitScale(currency)));
const charges = (input: DepreciationInput, frequency?: 'yearly' | 'monthly') =>
  depreciationSchedule(input, { frequency }).rows.map(r => r.depreciation);

describe('depreciationSchedule, published figures', () => {
  it('straight-line: SLN(30000, 7500, 10) every year', () => {
    const s = depreciationSchedule({ method: 'straight-line', cost: 30000, salvage: 7500, life: 10 });
    expect(s.rows.map(r => r.depreciation)).toEqual(Array(10).fill(2250));
    expect(s.rows[9]).toMatchObject({ accumulated: 22500, bookValue: 7500 });
    expect(s.totalDepreciation).toBe(22500);
  });

  it('sum-of-years digits: SYD(30000, 7500, 10, 1..10), rounding absorbed where it falls', () => {
    const s = depreciationSchedule({ method: 'sum-of-years-digits', cost: 30000, salvage: 7500, life: 10 });
    // SYD rounded alone gives 3272.73 and 1227.27 for years 3 and 8; rounding the book values
    // instead moves a cent between them so that the ten charges add up to 22500.00 exactly.
    expect(s.rows.map(r => r.depreciation)).toEqual([
      4090.91, 3681.82, 3272.72, 2863.64, 2454.55, 2045.45, 1636.36, 1227.28, 818.18, 409.09,
    ]);
    expect(s.rows.map(r => r.bookValue)).toEqual([
      25909.09, 22227.27, 18954.55, 16090.91, 13636.36, 11590.91, 9954.55, 8727.27, 7909.09, 7500,
    ]);
  });

  it('double declining balance: DDB(2400, 300, 10, 1..10)', () => {
    expect(charges({ method: 'declining-balance', cost: 2400, salvage: 300, life: 10 })).toEqual([
      480, 384, 307.2, 245.76, 196.61, 157.28, 125.83, 100.67, 80.53, 22.12,
    ]);
  });

  it('DDB(2400, 300, 10, 2, 1.5): factor 1.5 in the second year', () => {
    const s = depreciationSchedule({ method: 'declining-balance', cost: 2400, salvage: 300, life: 10, factor: 1.5 });
    expect(s.rows[1].depreciation).toBe(306);
  });

  it.each([
    [2, 396.31, false],
    [1.5, 311.81, false],
    [2, 396.31, true],
    [1.5, 311.81, true],
  ])('VDB(2400, 300, 120, 6, 18, %p) = %p: months 7 to 18 of a monthly declining balance (switch: %p)', (factor, expected, switchToStraightLine) => {
    const s = depreciationSchedule({
      method: 'declining-balance',
      cost: 2400,
      salvage: 300,
      life: 120,
      periodUnit: 'month',
      factor,
      ...(switchToStraightLine ? { switchToStraightLine } : {}),
    });
    expect(s.frequency).toBe('monthly');
    expect(s.rows[0].depreciation).toBe(factor === 2 ? 40 : 30);
    const months7to18 = s.rows.slice(6, 18).reduce((a, r) => a + minor(r.depreciation), 0);
    expect(months7to18).toBe(minor(expected));
  });

  it('declining balance without the switch can stop above salvage', () => {
    const s = depreciationSchedule({ method: 'declining-balance', cost: 2400, salvage: 0, life: 10 });
    // 2400 × 0.8^10 = 257.70 is left at the end of the life.
    expect(s.finalBookValue).toBe(257.7);
    expect(s.totalDepreciation).toBe(2142.3);
  });

  it('declining balance with the straight-line switch (VDB) reaches salvage', () => {
    // Book value after 6 years is 2400 × 0.8^6 = 629.1456; from year 7 straight-line over the
    // four remaining years (157.2864) beats 20 % of the book value (125.83).
    const s = depreciationSchedule({
      method: 'declining-balance',
      cost: 2400,
      salvage: 0,
      life: 10,
      switchToStraightLine: true,
    });
    expect(s.rows.map(r => r.depreciation)).toEqual([
      480, 384, 307.2, 245.76, 196.61, 157.28, 157.29, 157.29, 157.28, 157.29,
    ]);
    expect(s.rows.map(r => r.bookValue).slice(5)).toEqual([629.15, 471.86, 314.57, 157.29, 0]);
    expect(s.finalBookValue).toBe(0);
  });

  it('rounds to the currency minor unit: yen to whole yen', () => {
    const s = depreciationSchedule({ method: 'straight-line', cost: 100000, life: 3, currency: 'JPY' });
    expect(s.rows.map(r => r.depreciation)).toEqual([33333, 33334, 33333]);
    expect(s.currency).toBe('JPY');
  });
});

describe('depreciationSchedule, calendar', () => {
  it('spreads each year of a yearly method evenly over its months', () => {
    const input = { method: 'sum-of-years-digits' as const, cost: 6000, salvage: 0, life: 3 };
    const monthly = depreciationSchedule(input, { frequency: 'monthly', inServiceDate: '2024-01-31' });
    expect(monthly.rows).toHaveLength(36);
    expect(monthly.rows[0]).toEqual({
      period: 1,
      start: '2024-01-31',
      end: '2024-02-28',
      depreciation: 250,
      accumulated: 250,
      bookValue: 5750,
    });
    expect(monthly.rows[1]).toMatchObject({ start: '2024-02-29', end: '2024-03-30' });
    // Year 2 charges 2000, 166.666… a month: rounding the book values spreads the thirds of a cent.
    expect(monthly.rows.slice(12, 24).map(r => r.depreciation)).toEqual([
      166.67, 166.66, 166.67, 166.67, 166.66, 166.67, 166.67, 166.66, 166.67, 166.67, 166.66, 166.67,
    ]);
    expect(monthly.rows[35]).toMatchObject({ end: '2027-01-30', bookValue: 0 });
  });

  it('groups a monthly life into years, the last one shorter', () => {
    const s = depreciationSchedule(
      { method: 'straight-line', cost: 3000, life: 30, periodUnit: 'month' },
      { frequency: 'yearly', inServiceDate: '2025-03-01' },
    );
    expect(s.rows.map(r => [r.start, r.end, r.depreciation])).toEqual([
      ['2025-03-01', '2026-02-28', 1200],
      ['2026-03-01', '2027-02-28', 1200],
      ['2027-03-01', '2027-08-31', 600],
    ]);
  });

  it('refuses a bad in-service date', () => {
    const call = () =>
      depreciationSchedule({ method: 'straight-line', cost: 1, life: 1 }, { inServiceDate: '2025-02-29' });
    expect(call).toThrow(ItamValidationError);
    expect(call).toThrow('inServiceDate');
  });
});

const inputArb: fc.Arbitrary<DepreciationInput> = fc
  .record({
    method: fc.constantFrom(...DEPRECIATION_METHODS),
    costMinor: fc.integer({ min: 0, max: 10_000_000_000 }),
    salvageShare: fc.double({ min: 0, max: 1, noNaN: true }),
    life: fc.integer({ min: 1, max: 40 }),
    periodUnit: fc.constantFrom('year' as const, 'month' as const),
    factor: fc.constantFrom(1, 1.5, 2, 2.5, 3, 7),
    switchToStraightLine: fc.boolean(),
    currency: fc.constantFrom('EUR', 'JPY', 'KWD'),
  })
  .map(r => {
    const scale = Number(minorUnitScale(r.currency));
    const base = { cost: r.costMinor / scale, salvage: Math.floor(r.costMinor * r.salvageShare) / scale };
    return r.method === 'declining-balance'
      ? { method: r.method, ...base, life: r.life, periodUnit: r.periodUnit, currency: r.currency, factor: r.factor, switchToStraightLine: r.switchToStraightLine }
      : { method: r.method, ...base, life: r.life, periodUnit: r.periodUnit, currency: r.currency };
  });

describe('depreciationSchedule, invariants', () => {
  it('charges add up to cost − salvage exactly (to the accumulated total for declining balance)', () => {
    fc.assert(
      fc.property(inputArb, input => {
        const s = depreciationSchedule(input);
        const sum = s.rows.reduce((a, r) => a + minor(r.depreciation, input.currency), 0);
        expect(sum).toBe(minor(s.totalDepreciation, input.currency));
        const depreciable = minor(input.cost, input.currency) - minor(input.salvage ?? 0, input.currency);
        const reachesSalvage = input.method !== 'declining-balance' || input.switchToStraightLine;
        if (reachesSalvage) expect(sum).toBe(depreciable);
        else expect(sum).toBeLessThanOrEqual(depreciable);
      }),
    );
  });

  it('book value never rises and never goes below salvage', () => {
    fc.assert(
      fc.property(inputArb, input => {
        let previous = input.cost;
        for (const row of depreciationSchedule(input).rows) {
          expect(row.depreciation).toBeGreaterThanOrEqual(0);
          expect(row.bookValue).toBeLessThanOrEqual(previous);
          expect(row.bookValue).toBeGreaterThanOrEqual(input.salvage ?? 0);
          expect(minor(row.accumulated + row.bookValue, input.currency)).toBe(minor(input.cost, input.currency));
          previous = row.bookValue;
        }
      }),
    );
  });

  it('each charge is within one minor unit of the period rounded on its own (the spreadsheet figure)', () => {
    fc.assert(
      fc.property(inputArb, input => {
        depreciationSchedule(input).rows.forEach(row => {
          const alone = depreciationForPeriod(input, row.period);
          expect(Math.abs(minor(row.depreciation, input.currency) - minor(alone, input.currency))).toBeLessThanOrEqual(1);
        });
      }),
      { numRuns: 50 },
    );
  });

  it('a monthly schedule adds up to the yearly one, year by year', () => {
    fc.assert(
      fc.property(inputArb, input => {
        const yearly = depreciationSchedule(input, { frequency: 'yearly' }).rows;
        const monthly = depreciationSchedule(input, { frequency: 'monthly' }).rows;
        yearly.forEach((row, y) => {
          const months = monthly.slice(y * 12, (y + 1) * 12);
          expect(months.reduce((a, m) => a + minor(m.depreciation, input.currency), 0)).toBe(
            minor(row.depreciation, input.currency),
          );
          expect(months[months.length - 1].bookValue).toBe(row.bookValue);
        });
      }),
      { numRuns: 50 },
    );
  });
});
