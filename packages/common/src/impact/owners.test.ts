import { collectOwnersToNotify } from './owners';

const srv = { type: 'asset' as const, id: 's', tag: 'SRV-1' };
const shop = { type: 'entity' as const, ref: 'component:default/shop' };
const sys = { type: 'entity' as const, ref: 'system:default/retail' };

describe('collectOwnersToNotify', () => {
  it('lists each owner once with everything they own and why', () => {
    const owners = collectOwnersToNotify([
      { node: srv, owners: ['group:default/sre'], distance: 0 },
      { node: shop, owners: ['group:default/shop-team', 'group:default/sre'], distance: 1 },
      { node: sys, owners: ['group:default/shop-team', 'group:default/shop-team'], distance: 2 },
    ]);
    expect(owners).toEqual([
      {
        owner: 'group:default/shop-team',
        owns: [shop, sys],
        why: 'Owns 2 affected items: component:default/shop (1 hop away), system:default/retail (2 hops away).',
      },
      {
        owner: 'group:default/sre',
        owns: [srv, shop],
        why: 'Owns 2 affected items: asset SRV-1 (named on the change), component:default/shop (1 hop away).',
      },
    ]);
  });

  it('skips items without owners and handles none', () => {
    expect(collectOwnersToNotify([{ node: srv, owners: [], distance: 0 }])).toEqual([]);
    expect(collectOwnersToNotify([])).toEqual([]);
  });

  it('keeps long lists short', () => {
    const items = Array.from({ length: 7 }, (_, i) => ({
      node: { type: 'asset' as const, id: `a${i}`, tag: `A-${i}` },
      owners: ['user:default/jane'],
      distance: 1,
    }));
    expect(collectOwnersToNotify(items)[0].why).toBe(
      'Owns 7 affected items: asset A-0 (1 hop away), asset A-1 (1 hop away), asset A-2 (1 hop away), asset A-3 (1 hop away), asset A-4 (1 hop away) and 2 more.',
    );
    expect(collectOwnersToNotify(items)[0].owns).toHaveLength(7);
  });
});
