import fc from 'fast-check';
import { compareHarvestCandidates, HarvestFinder, sortHarvestCandidates } from './harvest';

describe('HarvestFinder', () => {
  const finder = new HarvestFinder('2025-06-30', 90);
  const inst = (lastUsed: string | null | undefined) => ({ id: 'i', deviceId: 'd', productId: 'p', lastUsed });

  it('reports metered installations never used', () => {
    expect(finder.check(inst(null))).toEqual({ installationId: 'i', deviceId: 'd', lastUsed: null, daysUnused: null, reason: 'never-used' });
  });

  it('reports installations unused for more than the threshold only', () => {
    expect(finder.check(inst('2025-04-01'))).toBeUndefined();
    expect(finder.check(inst('2025-03-31'))).toMatchObject({ daysUnused: 91, reason: 'unused' });
  });

  it('does not report unmetered installations or use after the date', () => {
    expect(finder.check(inst(undefined))).toBeUndefined();
    expect(finder.check(inst('2025-07-15'))).toBeUndefined();
  });

  it('with a threshold of 0 reports anything not used on the day', () => {
    const strict = new HarvestFinder('2025-06-30', 0);
    expect(strict.check(inst('2025-06-30'))).toBeUndefined();
    expect(strict.check(inst('2025-06-29'))).toMatchObject({ daysUnused: 1 });
  });
});

describe('compareHarvestCandidates', () => {
  it('orders never-used first, then the oldest use, then by id', () => {
    const c = (installationId: string, lastUsed: string | null) => ({
      installationId,
      deviceId: 'd',
      lastUsed,
      daysUnused: null,
      reason: 'unused' as const,
    });
    const sorted = [c('b', '2025-01-01'), c('z', null), c('a', '2025-01-01'), c('y', '2024-01-01'), c('x', null)].sort(
      compareHarvestCandidates,
    );
    expect(sorted.map(x => x.installationId)).toEqual(['x', 'z', 'y', 'a', 'b']);
  });
});

describe('sortHarvestCandidates', () => {
  it('sorts exactly as compareHarvestCandidates does', () => {
    const finder = new HarvestFinder('2025-06-30', 0);
    const candidate = fc
      .record({
        id: fc.constantFrom('a', 'b', 'c', 'd'),
        deviceId: fc.constantFrom('x', 'y'),
        lastUsed: fc.constantFrom<string | null>(null, '2024-01-01', '2024-02-01', '2025-01-01'),
      })
      .map(i => finder.check({ ...i, productId: 'p' })!);
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 30 }), list => {
        expect(sortHarvestCandidates([...list])).toEqual([...list].sort(compareHarvestCandidates));
      }),
    );
  });
});
