import { createAsset } from '@itam/common';
import { anAsset } from '@itam/common/testing';
import { itamTestDatabases } from '../tests/testBackend';
import { KnexAssetStore, migrateItamDatabase } from './KnexAssetStore';

const databases = itamTestDatabases();

describe.each(databases.eachSupportedId())('finding asset ids by id or tag on %s', databaseId => {
  it('finds each name as getAsset would: an id first, then a tag, in one batch', async () => {
    const knex = await databases.init(databaseId);
    await migrateItamDatabase(knex);
    const store = KnexAssetStore.fromKnex(knex);
    const make = (id: string, tag: string) =>
      store.createAsset(createAsset({ id, data: { ...anAsset({ tag, name: tag }), id: undefined } as never, actor: 'user:default/jane', at: '2026-12-01T00:00:00.000Z' }));
    await make('id-1', 'LAP-1');
    await make('id-2', 'LAP-2');
    // A tag that is also another asset's id: the id wins, as in getAsset.
    await make('id-3', 'id-1');
    const names = ['LAP-1', 'id-2', 'id-1', 'nope', 'LAP-1', ...Array.from({ length: 1200 }, (_, i) => `missing-${i}`)];
    const found = await store.findAssetIds(names);
    expect(Object.fromEntries(found)).toEqual({ 'LAP-1': 'id-1', 'id-2': 'id-2', 'id-1': 'id-1' });
    for (const name of ['LAP-1', 'id-2', 'id-1', 'nope']) expect(found.get(name)).toBe((await store.getAsset(name))?.id);
  });
});
