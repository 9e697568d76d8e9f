import { ddb, sln } from '@itam/common';
import { anAsset } from '../../testing/fakeItamApi';
import { planDepreciation } from './depreciationPlan';

const purchased = { date: '2024-01-01', cost: 1200, currency: 'EUR' };

describe('planDepreciation', () => {
  it('depreciates straight-line from the purchase date to the end of life by default', () => {
    const plan = planDepreciation(anAsset({ purchase: purchased, endOfLife: '2028-01-01' }), '2025-07-02');
    if (plan.kind !== 'ready') throw new Error(`not ready: ${JSON.stringify(plan)}`);
    expect(plan.input).toMatchObject({ method: 'straight-line', cost: 1200, salvage: 0, life: 4, periodUnit: 'year' });
    expect(plan).toMatchObject({ methodFromAttribute: false, lifeFromAttribute: false, lifeText: '4 years' });
    expect(plan.schedule.rows.map(r => r.depreciation)).toEqual([300, 300, 300, 300].map(() => sln(1200, 0, 4)));
    expect(plan.schedule.rows.map(r => r.bookValue)).toEqual([900, 600, 300, 0]);
    expect(plan.schedule.rows[1]).toMatchObject({ start: '2025-01-01', end: '2025-12-31' });
    // Half-way (182 of 365 days) through year 2: 900 − 300 × 182/365.
    expect(plan.current).toMatchObject({ status: 'in-service', bookValue: 750.41, accumulated: 449.59 });
    expect(plan.currentPeriod).toBe(2);
  });

  it('takes method, life and salvage from the asset attributes, numbers given as text included', () => {
    const asset = anAsset({
      purchase: purchased,
      endOfLife: undefined,
      attributes: { depreciationMethod: 'declining-balance', usefulLifeYears: '5', salvageValue: 100 },
    });
    const plan = planDepreciation(asset, '2024-06-01');
    if (plan.kind !== 'ready') throw new Error(`not ready: ${JSON.stringify(plan)}`);
    expect(plan).toMatchObject({ methodFromAttribute: true, lifeFromAttribute: true, lifeText: '5 years' });
    expect(plan.schedule.rows.map(r => r.depreciation)).toEqual([1, 2, 3, 4, 5].map(p => ddb(1200, 100, 5, p)));
  });

  it('counts a life that is not whole years in months, one row per year', () => {
    const plan = planDepreciation(anAsset({ purchase: purchased, endOfLife: '2026-07-01' }), '2024-02-01');
    if (plan.kind !== 'ready') throw new Error(`not ready: ${JSON.stringify(plan)}`);
    expect(plan.input).toMatchObject({ life: 30, periodUnit: 'month' });
    expect(plan.lifeText).toBe('2 years 6 months');
    expect(plan.schedule.rows.map(r => r.depreciation)).toEqual([480, 480, 240]);
    expect(plan.schedule.rows[2]).toMatchObject({ start: '2026-01-01', end: '2026-06-30', bookValue: 0 });
  });

  it('rounds a cost given to four decimals to the cent', () => {
    const plan = planDepreciation(
      anAsset({ purchase: { ...purchased, cost: 999.9951 }, endOfLife: '2025-01-01' }),
      '2024-01-01',
    );
    expect(plan).toMatchObject({ kind: 'ready', input: { cost: 1000 } });
  });

  it('is before service, or fully depreciated, outside the useful life', () => {
    const asset = anAsset({ purchase: purchased, endOfLife: '2026-01-01' });
    expect(planDepreciation(asset, '2023-12-01')).toMatchObject({ current: { status: 'before-service', bookValue: 1200 } });
    const ended = planDepreciation(asset, '2027-03-01');
    expect(ended).toMatchObject({ current: { status: 'end-of-life', bookValue: 0 } });
    expect(ended).not.toHaveProperty('currentPeriod');
  });

  it('names every missing field', () => {
    expect(planDepreciation(anAsset({ purchase: undefined, endOfLife: undefined }), '2025-01-01')).toEqual({
      kind: 'missing',
      missing: ['Purchase cost', 'Purchase date', 'End of life (or a usefulLifeYears attribute)'],
    });
    expect(planDepreciation(anAsset({ purchase: { date: '2024-01-01' } }), '2025-01-01')).toEqual({
      kind: 'missing',
      missing: ['Purchase cost'],
    });
  });

  it('explains attributes and dates it cannot use', () => {
    const plan = planDepreciation(
      anAsset({
        purchase: purchased,
        attributes: { depreciationMethod: 'linear', usefulLifeYears: 2.5 },
      }),
      '2025-01-01',
    );
    expect(plan).toEqual({
      kind: 'invalid',
      problems: [
        'The depreciationMethod attribute is "linear"; use one of straight-line, declining-balance, sum-of-years-digits.',
        'The usefulLifeYears attribute is "2.5"; use a whole number of years, at least 1.',
      ],
    });
    expect(planDepreciation(anAsset({ purchase: purchased, endOfLife: '2024-01-15' }), '2025-01-01')).toEqual({
      kind: 'invalid',
      problems: ['The end of life (2024-01-15) must be at least a month after the purchase date (2024-01-01).'],
    });
  });

  it('passes on what common refuses, in words', () => {
    const plan = planDepreciation(
      anAsset({ purchase: purchased, endOfLife: '2028-01-01', attributes: { salvageValue: 1500 } }),
      '2025-01-01',
    );
    expect(plan).toEqual({
      kind: 'invalid',
      problems: ['Salvage value (salvageValue) must not exceed cost (1200).'],
    });
  });
});
