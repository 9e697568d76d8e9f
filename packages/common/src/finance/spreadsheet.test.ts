import { ItamValidationError } from '../errors';
import { ddb, sln, syd } from './spreadsheet';

// The examples of the spreadsheet functions' documentation (Microsoft Excel; LibreOffice Calc
// and Google Sheets document the same figures), pinned to the cent.
describe('spreadsheet functions, documented examples', () => {
  it('SLN(30000, 7500, 10) = 2250', () => {
    expect(sln(30000, 7500, 10)).toBe(2250);
  });

  it.each([
    [[2400, 300, 3650, 1], 1.32], // first day, life in days
    [[2400, 300, 120, 1, 2], 40.0], // first month
    [[2400, 300, 10, 1, 2], 480.0], // first year
    [[2400, 300, 10, 2, 1.5], 306.0], // second year, factor 1.5
    [[2400, 300, 10, 10], 22.12], // tenth year: capped so book value ends at salvage
  ])('DDB(%p) = %p', (args, expected) => {
    const [cost, salvage, life, period, factor] = args;
    expect(ddb(cost, salvage, life, period, factor)).toBe(expected);
  });

  it.each([
    [1, 4090.91],
    [10, 409.09],
  ])('SYD(30000, 7500, 10, %p) = %p', (per, expected) => {
    expect(syd(30000, 7500, 10, per)).toBe(expected);
  });
});

describe('spreadsheet functions, other periods', () => {
  it('DDB never takes book value below salvage: charges stop once salvage is reached', () => {
    // 2400 × 0.8^9 = 322.12 after nine years: the tenth year can only take 22.12, and a
    // declining balance with salvage 1000 reaches it in year 4 (2400 → 1920 → 1536 → 1228.8).
    expect(ddb(2400, 1000, 10, 4)).toBe(228.8);
    expect(ddb(2400, 1000, 10, 5)).toBe(0);
  });

  it('DDB with a factor of life or more depreciates everything in the first period', () => {
    expect(ddb(2400, 300, 2, 1, 3)).toBe(2100);
    expect(ddb(2400, 300, 2, 2, 3)).toBe(0);
  });

  it('SYD charges add up to cost − salvage', () => {
    const charges = Array.from({ length: 10 }, (_, i) => syd(30000, 7500, 10, i + 1));
    expect(charges.map(c => Math.round(c * 100)).reduce((a, b) => a + b)).toBe(2_250_000);
  });
});

describe('spreadsheet functions, bad input', () => {
  it.each([
    ['cost', () => sln(-1, 0, 10), 'cost: must not be negative'],
    ['salvage', () => sln(100, 200, 10), 'salvage: must not exceed cost'],
    ['life 0', () => sln(100, 0, 0), 'life: must be greater than 0'],
    ['life fraction', () => syd(100, 0, 2.5, 1), 'life: must be a whole number of periods'],
    ['factor 0', () => ddb(100, 0, 10, 1, 0), 'factor: must be greater than 0'],
    ['factor NaN', () => ddb(100, 0, 10, 1, Number.NaN), 'factor'],
    ['period 0', () => ddb(100, 0, 10, 0), 'period: must be a whole number from 1 to the life (10)'],
    ['period past life', () => syd(100, 0, 10, 11), 'period: must be a whole number from 1'],
    ['period fraction', () => syd(100, 0, 10, 1.5), 'period: must be a whole number from 1'],
  ])('%s is refused with its field path', (_name, call, message) => {
    expect(call).toThrow(ItamValidationError);
    expect(call).toThrow(message);
  });
});
