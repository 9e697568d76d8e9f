import { updateAsset } from '@itam/common';
import type { Knex } from 'knex';
import { KnexAssetStore, migrateItamDatabase } from '../database';
import { itamTestDatabases } from '../tests/testBackend';
import { IMPORT_CHUNK_SIZE, importAssets, ImportRaceError, type ImportOptions } from './importAssets';
import type { MappedRow, MappedSource } from './types';

const databases = itamTestDatabases();
const actor = 'user:default/jane';

const source = (rows: MappedRow[]): MappedSource => ({
  rows: (async function* rowsOf() {
    yield* rows;
  })(),
  fieldName: path => path,
});

const row = (n: number, input: Record<string, unknown>, extra: Partial<MappedRow> = {}): MappedRow => ({
  row: n,
  input: { assetClass: 'hardware', type: 'laptop', ...input },
  issues: [],
  ...extra,
});

/** Everything an import writes or a rollback restores, in a stable order. */
async function register(knex: Knex, leaveOut: string[] = []) {
  const assets = (await knex('itam_assets').orderBy('id')).filter(r => !leaveOut.includes(r.id));
  return {
    assets,
    history: (await knex('itam_asset_history').orderBy('id')).filter(r => !leaveOut.includes(r.asset_id)),
    externalIds: await knex('itam_asset_external_ids').orderBy(['source', 'source_id']),
    // Restored installations are new rows: their ids differ, their contents must not.
    installations: (await knex('itam_installations').orderBy(['asset_id', 'product_name'])).map(({ id: _id, ...r }) => r),
    links: await knex('itam_asset_links').orderBy(['source_asset_id', 'target_asset_id']),
    entityItems: await knex('itam_entity_asset_items').orderBy('entity_ref'),
    undo: await knex('itam_import_undo'),
  };
}

describe.each(databases.eachSupportedId())('an import written in several transactions on %s', databaseId => {
  let knex: Knex;
  let store: KnexAssetStore;
  let ids = 0;
  const options = (jobId: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
    db: knex,
    entityRefs: { assertExist: async () => undefined },
    jobId,
    dryRun: false,
    actor,
    at: '2026-12-01T10:00:00.000Z',
    newId: () => `asset-${ids++}`,
    // Every chunk its own transaction.
    writeSliceMs: 0,
    ...extra,
  });

  const paymentsItems = async (): Promise<string> =>
    (await knex('itam_entity_asset_items').where({ entity_ref: 'component:default/payments' }).first('items')).items;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await migrateItamDatabase(knex);
    store = KnexAssetStore.fromKnex(knex);
    await importAssets(
      source([
        row(1, { tag: 'OLD-A', name: 'Old A' }),
        row(2, { tag: 'OLD-B', name: 'Old B', externalIds: [{ source: 'glpi', sourceId: 'b' }] }, {
          installations: { source: 'glpi', items: [{ productName: 'Office', version: '16' }, { productName: 'Zoom' }] },
        }),
        row(3, { tag: 'OLD-C', name: 'Old C' }),
      ]),
      options('seed'),
    );
    const b = (await store.getAsset('OLD-B'))!;
    await store.addEntityLink(b.id, { entityRef: 'component:default/payments', role: 'runs-on' }, { actor, at: '2026-12-01T10:00:00.000Z' });
  });

  /** A file of three chunks: the first updates A and B and links a new asset to B; the third updates C. */
  const file = () => {
    const rows: MappedRow[] = [
      row(1, { tag: 'OLD-A', name: 'A renamed by the import' }),
      row(2, { tag: 'OLD-B', name: 'B renamed by the import', externalIds: [{ source: 'glpi', sourceId: 'b2' }] }, {
        key: 'b',
        installations: { source: 'glpi', items: [{ productName: 'Visio', version: '2021' }] },
      }),
      row(3, { tag: 'NEW-MONITOR', name: 'Monitor of B', type: 'monitor' }, { links: [{ type: 'part-of', to: 'b' }] }),
    ];
    for (let n = rows.length + 1; rows.length < 2 * IMPORT_CHUNK_SIZE + 10; n++) rows.push(row(n, { tag: `NEW-${n}`, name: `New ${n}` }));
    rows.push(row(rows.length + 1, { tag: 'OLD-C', name: 'C renamed by the import' }));
    return rows;
  };

  it('takes back what its committed transactions wrote when a later one fails, keeping edits made meanwhile', async () => {
    const a = (await store.getAsset('OLD-A'))!;
    const c = (await store.getAsset('OLD-C'))!;
    const before = await register(knex, [a.id, c.id]);
    let edited = false;
    const job = importAssets(
      source(file()),
      options('rolled-back', {
        onProgress: async (rows, phase) => {
          if (phase !== 'writing' || rows === 0 || edited) return;
          edited = true;
          // After the first transaction committed: someone edits A (which the import updated)
          // and C (which the import updates in its third transaction).
          for (const [asset, name] of [[a, 'A renamed by a person'], [c, 'C renamed by a person']] as const) {
            const now = (await store.getAsset(asset.id))!;
            await store.mutateAsset(now.id, now.version, x => updateAsset({ asset: x, patch: { name }, actor, at: '2026-12-01T11:00:00.000Z' }));
          }
          expect((await store.getAsset('NEW-MONITOR'))?.name).toBe('Monitor of B');
          expect(await paymentsItems()).toContain('B renamed by the import');
        },
      }),
    );
    await expect(job).rejects.toThrow(ImportRaceError);
    await expect(job).rejects.toThrow(/asset OLD-C was changed by another request.*\(assets OLD-A were changed by other requests after the import wrote them, and keep those changes\)/);
    expect(edited).toBe(true);

    expect(await register(knex, [a.id, c.id])).toEqual(before);
    expect(await store.getAsset('NEW-MONITOR')).toBeUndefined();
    expect(await paymentsItems()).toContain('"name":"Old B"');
    expect(await store.getAsset('OLD-A')).toMatchObject({ name: 'A renamed by a person', version: 3 });
    expect(await store.getAsset('OLD-C')).toMatchObject({ name: 'C renamed by a person', version: 2 });
    expect((await store.getHistory(c.id)).map(e => e.version)).toEqual([1, 2]);
  });

  it('commits a job that fails nowhere, leaving no undo records', async () => {
    const commits: string[] = [];
    let transactions = 0;
    const result = await importAssets(
      source(file()),
      options('committed', {
        onProgress: (rows, phase) => {
          if (phase === 'writing' && rows > 0) transactions++;
        },
        onCommit: async trx => {
          commits.push('committed');
          // In the job's last write transaction: its undo records are gone by then.
          expect(await trx('itam_import_undo').where({ job_id: 'committed' })).toEqual([]);
        },
      }),
    );
    expect(result).toMatchObject({ applied: true, counts: { created: 2 * IMPORT_CHUNK_SIZE + 8, updated: 3, refused: 0 } });
    expect(transactions).toBe(3);
    expect(commits).toEqual(['committed']);
    expect(await knex('itam_import_undo')).toEqual([]);
    const b = (await store.getAsset('OLD-B'))!;
    expect(b).toMatchObject({ name: 'B renamed by the import' });
    expect(await knex('itam_installations').where({ asset_id: b.id }).pluck('product_name')).toEqual(['Visio']);
    const items = await knex('itam_entity_asset_items').where({ entity_ref: 'component:default/payments' }).first('items');
    expect(items.items).toContain('B renamed by the import');
  });
});
