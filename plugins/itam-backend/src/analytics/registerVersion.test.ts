import type { Knex } from 'knex';
import { migrateItamDatabase } from '../database/KnexAssetStore';
import { insertRows } from '../database/insertRows';
import { itamTestDatabases } from '../tests/testBackend';
import { RegisterVersion, VersionedResults } from './registerVersion';

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

  it('reuses nothing where there is no version (PostgreSQL)', async () => {
    const results = new VersionedResults<number>(undefined);
    let computed = 0;
    await results.get('k', async () => ++computed);
    await results.get('k', async () => ++computed);
    expect(computed).toBe(2);
  });
});
