import fc from 'fast-check';
import { ItamValidationError } from '../errors';
import { assetTco } from './assetTco';
import type { AssetCostsInput } from './costItem';

const server: AssetCostsInput = {
  assetId: 'srv-1',
  currency: 'EUR',
  items: [
    { category: 'acquisition', amount: 12000, currency: 'EUR', date: '2025-01-15' },
    // A year of support, 1 Jan to 31 Dec 2025: 3650 over 365 days, 10.00 a day.
    { category: 'support', amount: 3650, currency: 'EUR', term: { start: '2025-01-01', end: '2025-12-31' } },
    { category: 'maintenance', amount: 480.5, currency: 'EUR', date: '2025-06-30' },
    // One device's share of a 50-seat licence.
    { category: 'licence', amount: 5000, currency: 'EUR', term: { start: '2025-01-01', end: '2025-12-31' }, share: { units: 1, of: 50 } },
    { category: 'disposal', amount: 150, currency: 'EUR', date: '2029-02-01' },
  ],
};

describe('assetTco', () => {
  it('adds every cost over the whole life', () => {
    expect(assetTco(server)).toEqual({
      assetId: 'srv-1',
      currency: 'EUR',
      byCategory: { acquisition: 12000, maintenance: 480.5, support: 3650, licence: 100, disposal: 150 },
      total: 16380.5,
    });
  });

  it('counts one-off costs dated in the window and the window days of contracts', () => {
    const q1 = assetTco(server, { window: { from: '2025-01-01', to: '2025-03-31' } });
    // Q1 2025 has 90 days: 900.00 of support and 90/365 of the 100.00 licence share (24.66).
    expect(q1).toEqual({
      assetId: 'srv-1',
      currency: 'EUR',
      window: { from: '2025-01-01', to: '2025-03-31' },
      byCategory: { acquisition: 12000, maintenance: 0, support: 900, licence: 24.66, disposal: 0 },
      total: 12924.66,
    });
  });

  it('counts nothing for a window outside every date and term', () => {
    const t = assetTco(server, { window: { from: '2027-01-01', to: '2027-12-31' } });
    expect(t.total).toBe(0);
  });

  it('is zero with no items', () => {
    expect(assetTco({ assetId: 'a', currency: 'USD', items: [] }).total).toBe(0);
  });

  it('refuses a cost in another currency, naming it', () => {
    const mixed: AssetCostsInput = {
      ...server,
      items: [...server.items, { category: 'support', amount: 10, currency: 'USD', date: '2025-02-01' }],
    };
    const call = () => assetTco(mixed);
    expect(call).toThrow(ItamValidationError);
    expect(call).toThrow(/items\.5\.currency: is USD but the asset's costs are in EUR/);
  });

  it('refuses, in a window, a cost it cannot place', () => {
    const undated: AssetCostsInput = {
      assetId: 'a',
      currency: 'EUR',
      items: [{ category: 'acquisition', amount: 10, currency: 'EUR' }],
    };
    expect(assetTco(undated).total).toBe(10);
    expect(() => assetTco(undated, { window: { from: '2025-01-01', to: '2025-12-31' } })).toThrow(
      'items.0.date: is required to place this cost in the window',
    );
  });

  it.each([
    [{ amount: -1 }, 'items.0.amount: must not be negative'],
    [{ term: { start: '2025-02-01', end: '2025-01-01' } }, 'items.0.term.end: must not be before start'],
    [{ date: '2025-01-01', term: { start: '2025-01-01', end: '2025-02-01' } }, 'items.0.term: give a date'],
    [{ share: { units: 3, of: 2 } }, 'items.0.share.units: must not exceed of'],
    [{ category: 'coffee' }, 'items.0.category: must be one of'],
  ])('refuses %p', (patch, message) => {
    const call = () =>
      assetTco({
        assetId: 'a',
        currency: 'EUR',
        items: [{ category: 'support', amount: 1, currency: 'EUR', ...patch } as never],
      });
    expect(call).toThrow(message);
  });

  it('refuses a reversed window', () => {
    expect(() => assetTco(server, { window: { from: '2025-02-01', to: '2025-01-01' } })).toThrow(
      'window.to: must not be before from',
    );
  });

  it('splits a contract across consecutive windows without losing a cent beyond rounding', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 800 }),
        fc.integer({ min: 1, max: 799 }),
        (cents, termDays, cut) => {
          const start = new Date(Date.UTC(2025, 0, 1));
          const day = (n: number) => new Date(start.getTime() + n * 86_400_000).toISOString().slice(0, 10);
          const costs: AssetCostsInput = {
            assetId: 'a',
            currency: 'EUR',
            items: [{ category: 'support', amount: cents / 100, currency: 'EUR', term: { start: day(0), end: day(termDays - 1) } }],
          };
          const split = Math.min(cut, termDays);
          const before = assetTco(costs, { window: { from: day(-10), to: day(split - 1) } }).total;
          const after = assetTco(costs, { window: { from: day(split), to: day(termDays + 10) } }).total;
          const whole = assetTco(costs).total;
          expect(Math.abs(Math.round(before * 100) + Math.round(after * 100) - Math.round(whole * 100))).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
