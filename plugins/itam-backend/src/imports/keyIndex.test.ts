import { KeyIndex } from './keyIndex';

describe('KeyIndex', () => {
  it('maps keys to values exactly, like a Map, through growth', () => {
    const index = new KeyIndex();
    const map = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const key = i % 7 === 0 ? `Sérial-${i}-ü` : `AST-${i}`;
      index.set(key, i);
      map.set(key, i);
    }
    index.set('AST-5', 99);
    map.set('AST-5', 99);
    expect(index.size).toBe(map.size);
    for (const [k, v] of map) expect(index.get(k)).toBe(v);
    expect(index.get('AST-20000')).toBeUndefined();
    expect(index.get('')).toBeUndefined();
    index.set('', 3);
    expect(index.get('')).toBe(3);
    expect(index.get('x'.repeat(1000))).toBeUndefined();
    index.set('x'.repeat(1000), 4);
    expect(index.get('x'.repeat(1000))).toBe(4);
  });
});
