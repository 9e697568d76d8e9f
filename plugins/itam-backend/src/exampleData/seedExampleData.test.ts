import { replayHistory, validate, newAssetSchema } from '@itam/common';
import { KnexAssetStore, migrateItamDatabase } from '../database/KnexAssetStore';
import { itamTestDatabases } from '../tests/testBackend';
import { EXAMPLE_ASSETS } from './exampleAssets';
import { seedExampleData } from './seedExampleData';

const databases = itamTestDatabases();

describe('example data', () => {
  it('is valid domain input', () => {
    for (const example of EXAMPLE_ASSETS) {
      expect({ tag: example.asset.tag, ...validate(newAssetSchema, example.asset) }).toMatchObject({ ok: true });
    }
  });

  it('loads into an empty register once, with links and a replayable history', async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateItamDatabase(knex);
    const store = KnexAssetStore.fromKnex(knex);
    expect(await seedExampleData(store)).toBe(EXAMPLE_ASSETS.length);
    expect(await seedExampleData(store)).toBe(0);
    const entityAssets = await store.getEntityAssets('component:default/payments-api');
    expect(entityAssets.map(e => e.asset.tag).sort()).toEqual(['SAAS-00030', 'SRV-00001', 'SRV-00002', 'VM-00010']);
    const db = (await store.getAsset('SRV-00001'))!;
    expect(await store.listTicketLinks(db.id)).toHaveLength(3);
    expect(replayHistory(await store.getHistory(db.id))).toEqual(db);
  });
});
