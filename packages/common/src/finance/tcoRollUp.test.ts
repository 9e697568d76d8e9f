import fc from 'fast-check';
import { ItamValidationError } from '../errors';
import type { AssetTco } from './assetTco';
import { COST_CATEGORIES, type CostCategory } from './costItem';
import { rollUpTcoByEntity, type AssetEntityLink } from './tcoRollUp';

const zero = Object.fromEntries(COST_CATEGORIES.map(c => [c, 0])) as Record<CostCategory, number>;
const tco = (assetId: string, parts: Partial<Record<CostCategory, number>>, currency = 'EUR'): AssetTco => {
  const byCategory = { ...zero, ...parts };
  const total = Object.values(byCategory).reduce((a, b) => a + Math.round(b * 100), 0) / 100;
  return { assetId, currency, byCategory, total };
};

const db = tco('db-1', { acquisition: 100 });
const lb = tco('lb-1', { acquisition: 50, support: 10 });
const spare = tco('spare-1', { acquisition: 7 });
const links: AssetEntityLink[] = [
  { assetId: 'db-1', entityRef: 'component:default/orders', role: 'runs-on' },
  { assetId: 'db-1', entityRef: 'component:default/billing', role: 'runs-on' },
  { assetId: 'db-1', entityRef: 'component:payments', role: 'stores-data-of' },
  { assetId: 'db-1', entityRef: 'component:default/orders', role: 'stores-data-of' }, // same entity, counted once
  { assetId: 'lb-1', entityRef: 'component:default/orders', role: 'uses' },
  { assetId: 'ghost-1', entityRef: 'system:default/shop', role: 'uses' },
];

describe('rollUpTcoByEntity', () => {
  it('splits a shared asset evenly, exact to the cent, by default', () => {
    const r = rollUpTcoByEntity([db, lb, spare], links);
    expect(r.allocation).toBe('split-evenly');
    expect(r.entities.map(e => [e.entityRef, e.total])).toEqual([
      ['component:default/billing', 33.34],
      ['component:default/orders', 93.33],
      ['component:default/payments', 33.33],
    ]);
    expect(r.entities[1].assets).toEqual([
      { assetId: 'db-1', sharedWith: 3, amount: 33.33 },
      { assetId: 'lb-1', sharedWith: 1, amount: 60 },
    ]);
    expect(r.entities[1].byCategory).toMatchObject({ acquisition: 83.33, support: 10 });
    expect(r.unallocated).toEqual({ assetIds: ['spare-1'], total: 7, byCategory: { ...zero, acquisition: 7 } });
    expect(r.estateTotal).toBe(167);
    expect(r.linkedAssetsWithoutTco).toEqual(['ghost-1']);
    expect(r.currency).toBe('EUR');
  });

  it('counts a shared asset fully in each entity when asked', () => {
    const r = rollUpTcoByEntity([db, lb, spare], links, { allocation: 'full' });
    expect(r.entities.map(e => e.total)).toEqual([100, 160, 100]);
    expect(r.entities[0].assets).toEqual([{ assetId: 'db-1', sharedWith: 1, amount: 100 }]);
    expect(r.estateTotal).toBe(167);
  });

  it('counts only links of the roles asked for', () => {
    const r = rollUpTcoByEntity([db, lb], links, { roles: ['runs-on'] });
    expect(r.entities.map(e => [e.entityRef, e.total])).toEqual([
      ['component:default/billing', 50],
      ['component:default/orders', 50],
    ]);
    expect(r.unallocated.assetIds).toEqual(['lb-1']);
  });

  it('is empty for no costs', () => {
    expect(rollUpTcoByEntity([], links)).toEqual({
      allocation: 'split-evenly',
      entities: [],
      unallocated: { assetIds: [], total: 0, byCategory: zero },
      estateTotal: 0,
      linkedAssetsWithoutTco: ['db-1', 'ghost-1', 'lb-1'],
    });
  });

  it.each([
    ['mixed currencies', [db, tco('x', { acquisition: 1 }, 'USD')], [], /tcos\.1\.currency: is USD but the first asset's TCO is in EUR/],
    ['different windows', [db, { ...lb, window: { from: '2025-01-01', to: '2025-12-31' } }], [], /tcos\.1\.window/],
    ['a duplicate asset', [db, db], [], /tcos\.1\.assetId: duplicates asset db-1/],
    ['a malformed entity ref', [db], [{ assetId: 'db-1', entityRef: 'orders' }], /links\.0\.entityRef: .*has no kind/],
  ])('refuses %s', (_name, tcos, badLinks, message) => {
    const call = () => rollUpTcoByEntity(tcos as AssetTco[], badLinks as AssetEntityLink[]);
    expect(call).toThrow(ItamValidationError);
    expect(call).toThrow(message);
  });

  it('split evenly: entities plus unallocated add up to the estate total exactly', () => {
    const assetIds = ['a', 'b', 'c', 'd', 'e'];
    const refs = ['component:default/x', 'component:default/y', 'system:default/z', 'resource:default/w'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.constantFrom(...assetIds), cents: fc.array(fc.nat(1_000_000), { minLength: 5, maxLength: 5 }) }), { maxLength: 5 }),
        fc.array(fc.record({ assetId: fc.constantFrom(...assetIds), entityRef: fc.constantFrom(...refs) }), { maxLength: 15 }),
        (rows, someLinks) => {
          const unique = [...new Map(rows.map(r => [r.id, r])).values()];
          const tcos = unique.map(r =>
            tco(r.id, Object.fromEntries(COST_CATEGORIES.map((c, i) => [c, r.cents[i] / 100]))),
          );
          const result = rollUpTcoByEntity(tcos, someLinks);
          const cents = (x: number) => Math.round(x * 100);
          const allocated = result.entities.reduce((a, e) => a + cents(e.total), 0) + cents(result.unallocated.total);
          expect(allocated).toBe(tcos.reduce((a, t) => a + cents(t.total), 0));
          for (const e of result.entities) {
            expect(e.assets.reduce((a, x) => a + cents(x.amount), 0)).toBe(cents(e.total));
          }
        },
      ),
    );
  });
});
