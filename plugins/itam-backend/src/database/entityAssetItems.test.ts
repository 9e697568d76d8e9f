import { updateAsset, type Asset, type EntityAsset } from '@itam/common';
import type { Knex } from 'knex';
import { seedExampleEstate } from '../tests/exampleEstate';
import { itamTestDatabases } from '../tests/testBackend';
import { rebuildEntityAssetItems, refreshEntityAssetItems } from './entityAssetItems';
import type { KnexAssetStore } from './KnexAssetStore';

const databases = itamTestDatabases();
const now = new Date('2026-11-30T10:00:00.000Z');
const stamp = { actor: 'user:default/jane', at: now.toISOString() };
const API = 'component:default/payments-api';

/** What the lookup must answer, worked out from the links and assets themselves. */
async function linkedAssets(store: KnexAssetStore, entityRef: string): Promise<EntityAsset[]> {
  const links = (await store.listAllEntityLinks()).filter(l => l.entityRef === entityRef);
  const items = await Promise.all(links.map(async l => ({ asset: (await store.getAsset(l.assetId))!, role: l.role })));
  return items.sort((a, b) => (a.asset.tag < b.asset.tag ? -1 : a.asset.tag > b.asset.tag ? 1 : a.role < b.role ? -1 : 1));
}

async function storedRows(knex: Knex) {
  return (await knex('itam_entity_asset_items').orderBy('entity_ref')).map(r => ({ entityRef: r.entity_ref, items: r.items }));
}

describe.each(databases.eachSupportedId())('the entity lookup’s stored items on %s', databaseId => {
  it('follow every write to an entity’s links and linked assets, and match a rebuild', async () => {
    const knex = await databases.init(databaseId);
    const { store } = await seedExampleEstate(knex, now);
    const entityRefs = [...new Set((await store.listAllEntityLinks()).map(l => l.entityRef))];
    const expectAllCurrent = async () => {
      for (const ref of entityRefs) expect(await store.getEntityAssets(ref)).toEqual(await linkedAssets(store, ref));
    };
    await expectAllCurrent();
    const before = await store.getEntityAssets(API);
    expect(before.length).toBeGreaterThan(2);

    // A renamed, re-tagged asset: its new data, and its new place in tag order.
    const last = before[before.length - 1].asset;
    const rename = (asset: Asset, tag: string) =>
      updateAsset({ asset, patch: { tag, name: 'Renamed "server"' }, actor: stamp.actor, at: stamp.at });
    await store.mutateAsset(last.id, last.version, current => rename(current, 'AAA-00001'));
    const after = await store.getEntityAssets(API);
    expect(after[0].asset).toMatchObject({ id: last.id, tag: 'AAA-00001', name: 'Renamed "server"' });
    await expectAllCurrent();

    // A write that fails (the tag is taken) leaves the items as they were.
    const first = before[0].asset;
    await expect(store.mutateAsset(first.id, first.version, current => rename(current, 'AAA-00001'))).rejects.toThrow(/already exists/);
    expect(await store.getEntityAssets(API)).toEqual(after);

    // Links added and removed; an entity left without assets has no row.
    const laptop = (await store.getAsset('LAP-00042'))!;
    expect(await store.addEntityLink(laptop.id, { entityRef: API, role: 'uses' }, stamp)).toBe(true);
    await expectAllCurrent();
    for (const item of await store.getEntityAssets(API)) {
      await store.removeEntityLink(item.asset.id, { entityRef: API, role: item.role });
    }
    expect(await store.getEntityAssets(API)).toEqual([]);
    expect(await knex('itam_entity_asset_items').where('entity_ref', API)).toEqual([]);
    await expectAllCurrent();

    const maintained = await storedRows(knex);
    await rebuildEntityAssetItems(knex);
    expect(await storedRows(knex)).toEqual(maintained);
  });

  // SQLite runs one writer at a time; PostgreSQL runs them side by side.
  const onPostgres = databaseId.startsWith('POSTGRES') ? it : it.skip;
  onPostgres('lose neither change when two transactions change different assets of one entity', async () => {
    const knex = await databases.init(databaseId);
    const { store } = await seedExampleEstate(knex, now);
    const [a, b] = (await store.getEntityAssets(API)).map(i => i.asset);
    const rename = (trx: Knex.Transaction, asset: Asset, name: string) =>
      trx('itam_assets').where('id', asset.id).update({ name, data: JSON.stringify({ ...asset, name }) });

    const first = await knex.transaction();
    await rename(first, a, 'first writer');
    await refreshEntityAssetItems(first, [API]);
    // The second writer's rebuild starts while the first is uncommitted, and must wait for it.
    const second = knex.transaction(async trx => {
      await rename(trx, b, 'second writer');
      await refreshEntityAssetItems(trx, [API]);
    });
    for (let waiting = 0; waiting === 0; ) {
      await new Promise(resolve => setTimeout(resolve, 20));
      const [{ n }] = await knex('pg_locks').where('granted', false).count({ n: '*' });
      waiting = Number(n);
    }
    await first.commit();
    await second;

    const names = (await store.getEntityAssets(API)).map(i => i.asset.name);
    expect(names).toEqual(expect.arrayContaining(['first writer', 'second writer']));
  });
});
