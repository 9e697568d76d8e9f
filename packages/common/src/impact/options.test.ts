import { parseOrThrow } from '../validation';
import { changeImpactOptionsSchema, changeImpactQuerySchema } from './options';

const window = { start: '2026-06-01T22:00:00Z', end: '2026-06-02T02:00:00Z' };

describe('change impact options', () => {
  it('has defaults for everything', () => {
    expect(changeImpactOptionsSchema.parse({})).toEqual({
      maxDepth: 5,
      breadth: { wideAt: 10, veryWideAt: 50 },
      manyIncidentsAt: 3,
      nearEndOfLifeDays: 90,
    });
  });

  it('refuses bad tuning with paths', () => {
    expect(() => parseOrThrow(changeImpactOptionsSchema, { maxDepth: -1 })).toThrow(/maxDepth/);
    expect(() => parseOrThrow(changeImpactOptionsSchema, { maxDepth: 51 })).toThrow(/maxDepth: must be at most 50/);
    expect(() => parseOrThrow(changeImpactOptionsSchema, { breadth: { wideAt: 20, veryWideAt: 5 } })).toThrow(
      /breadth\.veryWideAt/,
    );
  });
});

describe('change impact query', () => {
  it('defaults the named lists', () => {
    expect(changeImpactQuerySchema.parse({ window })).toEqual({ assetIds: [], entityRefs: [], window });
  });

  it('refuses a window that ends before it starts, or is not a date-time', () => {
    expect(() =>
      parseOrThrow(changeImpactQuerySchema, { window: { start: window.end, end: window.start } }),
    ).toThrow(/window\.end: must not be before start/);
    expect(() => parseOrThrow(changeImpactQuerySchema, { window: { start: 'tonight', end: window.end } })).toThrow(
      /window\.start/,
    );
    expect(() => parseOrThrow(changeImpactQuerySchema, {})).toThrow(/window: is required/);
  });
});
