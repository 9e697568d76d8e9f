import knexFactory, { type Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SQLITE_MMAP_SIZE, sqliteAll, tuneSqliteConnections } from './sqliteReads';

describe('SQLite hot reads', () => {
  let dir: string;
  let db: Knex;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'itam-sqlite-reads-'));
    db = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(dir, 'itam.sqlite') },
      useNullAsDefault: true,
      pool: { min: 1, max: 1 },
    });
  });

  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const mappedBytes = async () => (await db.raw('pragma mmap_size'))[0].mmap_size as number;

  it('runs a statement with its parameters, on repeat too', async () => {
    await db.raw('create table t (n integer)');
    await db('t').insert([{ n: 2 }, { n: 1 }]);
    expect(await sqliteAll(db, 'select n from t where n > ? order by n', [0])).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await sqliteAll(db, 'select n from t where n > ? order by n', [1])).toEqual([{ n: 2 }]);
  });

  it('maps the file on every connection the pool creates once tuned, for any read', async () => {
    tuneSqliteConnections(db);
    expect(await mappedBytes()).toBe(DEFAULT_SQLITE_MMAP_SIZE);
  });

  it('maps what it is told, including nothing', async () => {
    tuneSqliteConnections(db, { mmapSize: 0 });
    expect(await mappedBytes()).toBe(0);
  });

  it('maps a connection that predates tuning at its first hot read', async () => {
    expect(await mappedBytes()).toBe(0);
    tuneSqliteConnections(db, { mmapSize: 64 * 1024 * 1024 });
    await sqliteAll(db, 'select 1', []);
    expect(await mappedBytes()).toBe(64 * 1024 * 1024);
  });

  it('refuses a mapping size that is not a whole number of bytes', () => {
    expect(() => tuneSqliteConnections(db, { mmapSize: -1 })).toThrow(/mmapSize/);
    expect(() => tuneSqliteConnections(db, { mmapSize: 1.5 })).toThrow(/mmapSize/);
  });
});
