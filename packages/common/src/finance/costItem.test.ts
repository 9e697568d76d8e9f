import { anAsset } from '../testing/fixtures';
import { validate } from '../validation';
import { assetCostsSchema, costItemSchema, costItemsFromAsset } from './costItem';

describe('costItemSchema', () => {
  it('accepts one-off, contract, undated and shared costs', () => {
    for (const item of [
      { category: 'acquisition', amount: 1299.99, currency: 'EUR', date: '2025-03-31' },
      { category: 'support', amount: 1200, currency: 'EUR', term: { start: '2025-01-01', end: '2025-12-31' } },
      { category: 'disposal', amount: 0, currency: 'EUR' },
      { category: 'licence', amount: 0.0125, currency: 'USD', share: { units: 2, of: 3 } },
    ]) {
      expect(validate(costItemSchema, item).ok).toBe(true);
    }
  });

  it('refuses a cost in another currency than the asset’s, naming the item', () => {
    const result = validate(assetCostsSchema, {
      assetId: 'a',
      currency: 'EUR',
      items: [
        { category: 'support', amount: 1, currency: 'EUR' },
        { category: 'support', amount: 1, currency: 'GBP' },
      ],
    });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: 'items.1.currency', message: expect.stringContaining('is GBP but the asset\'s costs are in EUR') }],
    });
  });
});

describe('costItemsFromAsset', () => {
  it('reads the acquisition cost recorded on an asset, or nothing', () => {
    const asset = anAsset({ purchase: { date: '2025-03-31', cost: 1299.99, currency: 'EUR' } });
    expect(costItemsFromAsset(asset)).toEqual([
      { category: 'acquisition', amount: 1299.99, currency: 'EUR', date: '2025-03-31' },
    ]);
    expect(costItemsFromAsset(anAsset({ purchase: { cost: 5, currency: 'EUR' } }))).toEqual([
      { category: 'acquisition', amount: 5, currency: 'EUR' },
    ]);
    expect(costItemsFromAsset(anAsset())).toEqual([]);
    expect(costItemsFromAsset(anAsset({ purchase: { date: '2025-01-01' } }))).toEqual([]);
  });
});
