import { hops, impactNodeLabel, listSome } from './text';

describe('explanation text', () => {
  it('labels assets by tag and entities by ref', () => {
    expect(impactNodeLabel({ type: 'asset', id: 'x1', tag: 'SRV-1' })).toBe('asset SRV-1');
    expect(impactNodeLabel({ type: 'entity', ref: 'system:default/shop' })).toBe('system:default/shop');
  });

  it('lists a few items and counts the rest', () => {
    expect(listSome(['a', 'b'])).toBe('a, b');
    expect(listSome(['a', 'b', 'c'], 2)).toBe('a, b and 1 more');
    expect(listSome([])).toBe('');
  });

  it('pluralises hops', () => {
    expect(hops(1)).toBe('1 hop');
    expect(hops(2)).toBe('2 hops');
  });
});
