import { anAsset } from '../testing/fixtures';
import { purchaseCostFacts, registerCostSelection } from './registerCosts';

const priced = (id: string, cost: number, currency: string, date?: string) =>
  anAsset({ id, purchase: { cost, currency, ...(date ? { date } : {}) } });

describe('purchaseCostFacts', () => {
  it('rounds the cost to the minor unit of its currency', () => {
    expect(purchaseCostFacts(priced('a', 12.345, 'EUR', '2026-01-05'))).toEqual({ currency: 'EUR', costMinor: 1235n, date: '2026-01-05' });
    expect(purchaseCostFacts(priced('b', 1299.5, 'JPY'))).toEqual({ currency: 'JPY', costMinor: 1300n });
    expect(purchaseCostFacts(priced('c', 1.2345, 'BHD', '2026-01-05'))?.costMinor).toBe(1235n);
  });

  it('is undefined for an asset without a cost', () => {
    expect(purchaseCostFacts(anAsset({ purchase: { date: '2026-01-05' } }))).toBeUndefined();
    expect(purchaseCostFacts(anAsset({}))).toBeUndefined();
  });
});

describe('registerCostSelection', () => {
  const assets = [
    priced('a', 10, 'USD', '2026-01-05'),
    priced('b', 20, 'EUR', '2026-01-06'),
    priced('c', 30, 'EUR'),
    priced('d', 40, 'USD', '2026-01-07'),
    anAsset({ id: 'e' }),
  ];

  it('takes the currency most costed assets are in, ties to the first code', () => {
    const selection = registerCostSelection(assets);
    expect(selection.currency).toBe('EUR');
    expect(selection.costs.map(c => c.assetId)).toEqual(['b']);
    expect(selection).toMatchObject({ otherCurrency: 2, undated: 1 });
  });

  it('takes the currency asked for, counting what it leaves out', () => {
    const selection = registerCostSelection(assets, 'USD');
    expect(selection.costs.map(c => c.assetId)).toEqual(['a', 'd']);
    expect(selection).toMatchObject({ currency: 'USD', otherCurrency: 2, undated: 0 });
  });

  it('has no currency for a register without costs', () => {
    expect(registerCostSelection([anAsset({})])).toEqual({ costs: [], otherCurrency: 0, undated: 0 });
  });
});
