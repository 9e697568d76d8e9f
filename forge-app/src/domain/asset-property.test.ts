import { assetPropertyUpToDate, assetPropertyValue } from './asset-property';

describe('asset property', () => {
  it('sorts and de-duplicates tags', () => {
    expect(assetPropertyValue(['SRV-2', 'LAP-1', 'SRV-2'])).toEqual({ tags: ['LAP-1', 'SRV-2'], count: 2 });
  });

  it('is up to date only when tags match; no property equals no assets', () => {
    const wanted = assetPropertyValue(['LAP-1']);
    expect(assetPropertyUpToDate({ tags: ['LAP-1'], count: 1 }, wanted)).toBe(true);
    expect(assetPropertyUpToDate({ tags: ['LAP-2'], count: 1 }, wanted)).toBe(false);
    expect(assetPropertyUpToDate(undefined, wanted)).toBe(false);
    expect(assetPropertyUpToDate(undefined, assetPropertyValue([]))).toBe(true);
    expect(assetPropertyUpToDate({ tags: ['LAP-1'], count: 1 }, assetPropertyValue([]))).toBe(false);
  });
});
