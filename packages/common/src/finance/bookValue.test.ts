import fc from 'fast-check';
import { ItamValidationError } from '../errors';
import { bookValueAt } from './bookValue';
import { addMonthsToDay, formatIsoDay, parseIsoDay } from './calendar';
import type { DepreciationInput } from './depreciationInput';
import { depreciationSchedule } from './depreciationSchedule';

const laptop: DepreciationInput = { method: 'straight-line', cost: 1460, salvage: 100, life: 4 };

describe('bookValueAt', () => {
  it('is the cost before the in-service date (a future in-service date)', () => {
    expect(bookValueAt(laptop, { inServiceDate: '2030-01-01', date: '2026-06-01' })).toEqual({
      date: '2026-06-01',
      inServiceDate: '2030-01-01',
      status: 'before-service',
      periodsCompleted: 0,
      accumulated: 0,
      bookValue: 1460,
    });
  });

  it('is the cost on the in-service date itself', () => {
    expect(bookValueAt(laptop, { inServiceDate: '2025-01-01', date: '2025-01-01' })).toMatchObject({
      status: 'in-service',
      bookValue: 1460,
    });
  });

  it('accrues the current period by day', () => {
    // 340 a year; 2025 has 365 days, so 73 days into it is a fifth of the year: 68.00.
    expect(bookValueAt(laptop, { inServiceDate: '2025-01-01', date: '2025-03-15' })).toMatchObject({
      periodsCompleted: 0,
      accumulated: 68,
      bookValue: 1392,
    });
    // Without pro-rata the value stays at the last completed period.
    expect(
      bookValueAt(laptop, { inServiceDate: '2025-01-01', date: '2026-03-15', proRata: 'none' }),
    ).toMatchObject({ periodsCompleted: 1, bookValue: 1120 });
  });

  it('stays at salvage from the end of the life', () => {
    expect(bookValueAt(laptop, { inServiceDate: '2025-01-01', date: '2029-01-01' })).toMatchObject({
      status: 'end-of-life',
      periodsCompleted: 4,
      bookValue: 100,
    });
    expect(bookValueAt(laptop, { inServiceDate: '2025-01-01', date: '2060-01-01' }).bookValue).toBe(100);
  });

  it('counts monthly periods from a month end without drifting', () => {
    const input: DepreciationInput = { method: 'straight-line', cost: 1200, life: 12, periodUnit: 'month' };
    expect(bookValueAt(input, { inServiceDate: '2024-01-31', date: '2024-02-29', proRata: 'none' })).toMatchObject({
      periodsCompleted: 1,
      bookValue: 1100,
    });
    expect(bookValueAt(input, { inServiceDate: '2024-01-31', date: '2024-03-30', proRata: 'none' })).toMatchObject({
      periodsCompleted: 1,
    });
    expect(bookValueAt(input, { inServiceDate: '2024-01-31', date: '2024-03-31', proRata: 'none' })).toMatchObject({
      periodsCompleted: 2,
      bookValue: 1000,
    });
  });

  it.each([
    [{ inServiceDate: '2025-02-29', date: '2025-03-01' }, 'inServiceDate'],
    [{ inServiceDate: '2025-01-01', date: 'today' }, 'date'],
    [{ inServiceDate: '2025-01-01', date: '2025-03-01', proRata: 'hourly' }, 'proRata'],
  ])('refuses %p', (options, path) => {
    const call = () => bookValueAt(laptop, options as never);
    expect(call).toThrow(ItamValidationError);
    expect(call).toThrow(`${path}: `);
  });
});

describe('bookValueAt, invariants', () => {
  const caseArb = fc.record({
    method: fc.constantFrom('straight-line' as const, 'declining-balance' as const, 'sum-of-years-digits' as const),
    costCents: fc.integer({ min: 0, max: 100_000_000 }),
    salvageShare: fc.double({ min: 0, max: 1, noNaN: true }),
    life: fc.integer({ min: 1, max: 30 }),
    periodUnit: fc.constantFrom('year' as const, 'month' as const),
    start: fc.integer({ min: parseIsoDay('2000-01-01')!, max: parseIsoDay('2040-12-31')! }),
    offsets: fc.array(fc.integer({ min: -400, max: 12_000 }), { minLength: 1, maxLength: 12 }),
  });
  type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;
  const toInput = (c: Case): DepreciationInput => ({
    method: c.method,
    cost: c.costCents / 100,
    salvage: Math.floor(c.costCents * c.salvageShare) / 100,
    life: c.life,
    periodUnit: c.periodUnit,
  });

  it('never rises over time and stays between salvage and cost', () => {
    fc.assert(
      fc.property(caseArb, c => {
        const input = toInput(c);
        const inServiceDate = formatIsoDay(c.start);
        let previous = Infinity;
        for (const offset of [...c.offsets].sort((a, b) => a - b)) {
          const { bookValue } = bookValueAt(input, { inServiceDate, date: formatIsoDay(c.start + offset) });
          expect(bookValue).toBeLessThanOrEqual(previous);
          expect(bookValue).toBeLessThanOrEqual(input.cost);
          expect(bookValue).toBeGreaterThanOrEqual(input.salvage ?? 0);
          previous = bookValue;
        }
      }),
    );
  });

  it('equals the schedule at the end of every period', () => {
    fc.assert(
      fc.property(caseArb, c => {
        const input = toInput(c);
        const inServiceDate = formatIsoDay(c.start);
        const months = c.periodUnit === 'year' ? 12 : 1;
        depreciationSchedule(input).rows.forEach(row => {
          const date = formatIsoDay(addMonthsToDay(c.start, row.period * months));
          expect(bookValueAt(input, { inServiceDate, date }).bookValue).toBe(row.bookValue);
        });
      }),
      { numRuns: 50 },
    );
  });
});
