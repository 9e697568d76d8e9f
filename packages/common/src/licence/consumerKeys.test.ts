import { ConsumerKeys } from './consumerKeys';

describe('ConsumerKeys', () => {
  it('interns ids once and ranks them in sorted order', () => {
    const keys = new ConsumerKeys();
    const ids = ['dev-10', 'dev-2', 'dev-10', 'a', 'dev-2'].map(id => keys.intern(id));
    expect(ids).toEqual([0, 1, 0, 2, 1]);
    keys.rank();
    expect([0, 1, 2].map(k => keys.rankOf(k))).toEqual([1, 2, 0]);
    expect(keys.keyOf(keys.keyOfRank(0))).toBe('a');
    expect(keys.lookup('dev-2')).toBe(1);
    expect(keys.lookup('nope')).toBeUndefined();
  });

  it('ranks ids interned after a ranking in with the others at the next ranking', () => {
    const keys = new ConsumerKeys();
    for (const id of ['m', 'c']) keys.intern(id);
    keys.rank();
    const a = keys.intern('a');
    keys.rank();
    expect(keys.rankOf(a)).toBe(0);
    expect(['a', 'c', 'm'].map((_, r) => keys.keyOf(keys.keyOfRank(r)))).toEqual(['a', 'c', 'm']);
  });
});
