import { accumulatedDepreciation } from './accumulatedDepreciation';
import { parseDepreciationInput } from './depreciationInput';
import { reduce } from './rational';

const exact = (input: Parameters<typeof parseDepreciationInput>[0]) =>
  accumulatedDepreciation(parseDepreciationInput(input)).map(reduce);

describe('accumulatedDepreciation', () => {
  it('keeps straight-line thirds exact, unrounded', () => {
    expect(exact({ method: 'straight-line', cost: 1000, life: 3 })).toEqual([
      { n: 0n, d: 1n },
      { n: 1000n, d: 3n },
      { n: 2000n, d: 3n },
      { n: 1000n, d: 1n },
    ]);
  });

  it('accumulates sum-of-years digits as k(2L − k + 1) ÷ L(L + 1) of the base', () => {
    const acc = exact({ method: 'sum-of-years-digits', cost: 30000, salvage: 7500, life: 10 });
    expect(acc[2]).toEqual(reduce({ n: 22500n * 19n, d: 55n })); // digits 10 + 9 of 55
    expect(acc[10]).toEqual({ n: 22500n, d: 1n });
  });

  it('holds declining-balance book values exactly: 2400 × 0.8^9 is 322.1225472', () => {
    const acc = exact({ method: 'declining-balance', cost: 2400, salvage: 300, life: 10 });
    expect(acc[9]).toEqual(reduce({ n: 24_000_000_000n - 3_221_225_472n, d: 10_000_000n }));
    expect(acc[10]).toEqual({ n: 2100n, d: 1n });
  });

  it('stops at salvage and stays there', () => {
    const acc = exact({ method: 'declining-balance', cost: 1000, salvage: 900, life: 5 });
    expect(acc.slice(1)).toEqual(Array(5).fill({ n: 100n, d: 1n }));
  });

  it('computes only the periods asked for', () => {
    expect(accumulatedDepreciation(parseDepreciationInput({ method: 'declining-balance', cost: 2400, salvage: 300, life: 3650 }), 1)).toHaveLength(2);
  });
});
