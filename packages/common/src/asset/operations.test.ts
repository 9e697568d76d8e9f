import { createAsset } from './operations';
import { newAssetSchema } from './schema';

const at = '2026-11-29T00:00:00.000Z';

describe('createAsset', () => {
  const data = newAssetSchema.parse({
    tag: 'LT-1',
    name: 'laptop',
    assetClass: 'hardware',
    type: 'laptop',
    serialNumber: undefined,
    location: 'HQ',
  });

  it('keeps the input key order, then the register bookkeeping', () => {
    const { asset } = createAsset({ id: 'a1', data, actor: 'user:default/am', at });
    expect(Object.keys(asset)).toEqual([...Object.keys(data).filter(k => data[k as keyof typeof data] !== undefined), 'id', 'version', 'createdAt', 'updatedAt']);
    expect(asset).toMatchObject({ id: 'a1', version: 1, createdAt: at, updatedAt: at, location: 'HQ' });
  });

  it('drops fields given as undefined, so the stored asset and its replay compare equal', () => {
    expect('serialNumber' in data).toBe(true);
    const { asset, event } = createAsset({ id: 'a1', data, actor: 'user:default/am', at });
    expect('serialNumber' in asset).toBe(false);
    expect(event.changes.map(c => c.field)).not.toContain('serialNumber');
  });

  it('records every set tracked field as a change with no before', () => {
    const { asset, event } = createAsset({ id: 'a1', data, actor: 'user:default/am', at });
    expect(event).toMatchObject({ assetId: 'a1', version: 1, kind: 'created', actor: 'user:default/am', at });
    expect(event.changes).toContainEqual({ field: 'location', after: 'HQ' });
    expect(event.changes).toContainEqual({ field: 'lifecycleStage', after: asset.lifecycleStage });
    expect(event.changes.every(c => !('before' in c))).toBe(true);
    expect(event.changes.map(c => c.field)).not.toContain('id');
  });
});
