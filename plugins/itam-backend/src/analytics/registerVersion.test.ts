import { anAsset } from '@itam/common/testing';
import knexFactory, { type Knex } from 'knex';
import { assetToRow } from '../database/rows';
import { migrateItamDatabase } from '../database/KnexAssetStore';
import { insertRows } from '../database/insertRows';
import { itamTestDatabases } from '../tests/testBackend';
import { RegisterVersion, registerVersionOf, VersionedResults } from './registerVersion';

const databases = itamTestDatabases();

describe('the register version on SQLite', () => {
  let knex: Knex;
  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    await migrateItamDatabase(knex);
  });

  it('moves with every write statement, in or out of transactions and through the bulk inserts, and not with reads', async () => {
    const version = RegisterVersion.track(knex)!;
    expect(RegisterVersion.track(knex)).toBe(version);
    const v0 = await version.current();
    await knex('itam_assets').count({ n: '*' });
    expect(await version.current()).toBe(v0);
    await knex('itam_analytics_generations').insert({ kind: 'x', generation: 1 });
    const v1 = await version.current();
    expect(v1).not.toBe(v0);
    await knex.transaction(trx => trx('itam_analytics_generations').where({ kind: 'x' }).update({ generation: 2 }));
    const v2 = await version.current();
    expect(v2).not.toBe(v1);
    await knex.transaction(trx => insertRows(trx, 'itam_analytics_generations', ['kind', 'generation'], [{ kind: 'y', generation: 1 }]));
    expect(await version.current()).not.toBe(v2);
  });

  it('reuses a result until the version moves', async () => {
    const results = new VersionedResults<number>(RegisterVersion.track(knex));
    let computed = 0;
    const compute = async () => ++computed;
    expect(await results.get('k', compute)).toBe(1);
    expect(await results.get('k', compute)).toBe(1);
    expect(await results.get('other', compute)).toBe(2);
    await knex('itam_analytics_generations').where({ kind: 'x' }).delete();
    expect(await results.get('k', compute)).toBe(3);
  });

  it('reuses nothing where there is no version', async () => {
    const results = new VersionedResults<number>(undefined);
    let computed = 0;
    await results.get('k', async () => ++computed);
    await results.get('k', async () => ++computed);
    expect(computed).toBe(2);
  });
});

describe.each(databases.eachSupportedId().filter(([id]) => id.startsWith('POSTGRES')))('the register version on %s', databaseId => {
  let knex: Knex;
  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await migrateItamDatabase(knex);
  });
  afterAll(() => knex?.destroy());

  const link = (key: string) => ({
    asset_id: 'a1',
    site: 'acme.atlassian.net',
    issue_key: key,
    ticket_type: 'incident',
    created_by: 'user:default/test',
    created_at: '2026-01-01T00:00:00.000Z',
  });

  it('moves when a write commits, on any replica, and not with reads or before the commit', async () => {
    const version = registerVersionOf(knex)!;
    expect(registerVersionOf(knex)).toBe(version);
    const v0 = await version.current();
    await knex('itam_assets').count({ n: '*' });
    expect(await version.current()).toBe(v0);
    await knex('itam_assets').insert(assetToRow(anAsset({ id: 'a1', tag: 'RV-1' })));
    const v1 = await version.current();
    expect(v1).not.toBe(v0);

    // Another replica writes through its own handle: this one sees the version move only once
    // the write has committed.
    const other = knexFactory({ client: 'pg', connection: knex.client.config.connection });
    try {
      let inside: string | undefined;
      await other.transaction(async trx => {
        await trx('itam_ticket_links').insert(link('OPS-1'));
        inside = await version.current();
      });
      expect(inside).toBe(v1);
      const v2 = await version.current();
      expect(v2).not.toBe(v1);
      await other('itam_analytics_snapshots').insert({ kind: 'x', computed_at: '2026-01-01T00:00:00.000Z', data: '{}' });
      expect(await version.current()).not.toBe(v2);
    } finally {
      await other.destroy();
    }
  });

  it('keeps moving when the write log is folded, never returning to an earlier version', async () => {
    const version = registerVersionOf(knex)!;
    const seen = new Set<string>([await version.current()]);
    await knex.raw('insert into itam_register_writes select from generate_series(1, 5001)');
    const folded = await version.current();
    expect(seen.has(folded)).toBe(false);
    expect(Number((await knex('itam_register_writes').count({ n: '*' }))[0].n)).toBe(0);
    seen.add(folded);
    await knex('itam_ticket_links').insert(link('OPS-2'));
    const after = await version.current();
    expect(seen.has(after)).toBe(false);
  });

  it('lets the KPIs and the maturity be reused across requests until a write', async () => {
    const results = new VersionedResults<number>(registerVersionOf(knex));
    let computed = 0;
    const compute = async () => ++computed;
    expect(await results.get('k', compute)).toBe(1);
    expect(await results.get('k', compute)).toBe(1);
    await knex('itam_ticket_links').where({ issue_key: 'OPS-2' }).delete();
    expect(await results.get('k', compute)).toBe(2);
  });
});
