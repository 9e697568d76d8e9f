import { anAsset } from '../testing/fixtures';
import { assetDepreciationPolicy, DEPRECIATION_ATTRIBUTES, wholeMonthsBetween } from './depreciationPolicy';

const bought = (attributes: Record<string, string | number | boolean | null> = {}, endOfLife: string | undefined = '2028-01-15') =>
  anAsset({ purchase: { cost: 1200.0049, currency: 'EUR', date: '2024-01-15' }, endOfLife, attributes });

describe('assetDepreciationPolicy', () => {
  it('defaults to straight-line over the span from purchase to end of life, with no salvage', () => {
    expect(assetDepreciationPolicy(bought())).toEqual({
      kind: 'ready',
      input: { method: 'straight-line', cost: 1200, salvage: 0, life: 4, periodUnit: 'year', currency: 'EUR' },
      inServiceDate: '2024-01-15',
      lifeMonths: 48,
      methodFromAttribute: false,
      lifeFromAttribute: false,
    });
  });

  it('takes the method, useful life, salvage and factor from the attributes, numbers as text too', () => {
    const policy = assetDepreciationPolicy(
      bought({
        [DEPRECIATION_ATTRIBUTES.method]: 'declining-balance',
        [DEPRECIATION_ATTRIBUTES.usefulLifeYears]: '5',
        [DEPRECIATION_ATTRIBUTES.salvage]: '100.5',
        [DEPRECIATION_ATTRIBUTES.factor]: 1.5,
      }),
    );
    expect(policy).toMatchObject({
      kind: 'ready',
      input: { method: 'declining-balance', life: 5, periodUnit: 'year', salvage: 100.5, factor: 1.5 },
      lifeMonths: 60,
      methodFromAttribute: true,
      lifeFromAttribute: true,
    });
  });

  it('counts a life of whole months when the end of life falls mid-year', () => {
    expect(assetDepreciationPolicy(bought({}, '2027-07-14'))).toMatchObject({ kind: 'ready', input: { life: 41, periodUnit: 'month' } });
  });

  it('names what is missing, and what is wrong', () => {
    expect(assetDepreciationPolicy(anAsset({ purchase: undefined, endOfLife: undefined, attributes: {} }))).toEqual({
      kind: 'missing',
      missing: ['purchase.cost', 'purchase.date', 'usefulLife'],
    });
    const wrong = assetDepreciationPolicy(
      bought({ [DEPRECIATION_ATTRIBUTES.method]: 'linear', [DEPRECIATION_ATTRIBUTES.usefulLifeYears]: 2.5, [DEPRECIATION_ATTRIBUTES.salvage]: 'some' }),
    );
    expect(wrong.kind === 'invalid' && wrong.problems.map(p => p.field)).toEqual(['method', 'usefulLife', 'salvage']);
    const tooShort = assetDepreciationPolicy(bought({}, '2024-02-01'));
    expect(tooShort).toEqual({
      kind: 'invalid',
      problems: [{ field: 'usefulLife', message: 'The end of life (2024-02-01) must be at least a month after the purchase date (2024-01-15).' }],
    });
  });
});

describe('wholeMonthsBetween', () => {
  it('counts whole months, a month ending on the same day or a shorter month’s last day', () => {
    expect(wholeMonthsBetween('2024-01-15', '2024-02-15')).toBe(1);
    expect(wholeMonthsBetween('2024-01-15', '2024-02-14')).toBe(0);
    expect(wholeMonthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(wholeMonthsBetween('2024-01-31', '2025-01-30')).toBe(11);
    expect(wholeMonthsBetween('2024-03-01', '2024-01-01')).toBe(0);
    expect(wholeMonthsBetween('2024-02-30', '2024-05-01')).toBe(0);
  });
});
