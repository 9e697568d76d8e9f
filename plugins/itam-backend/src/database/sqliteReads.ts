import type { Knex } from 'knex';

/** A better-sqlite3 connection, as far as hot reads use it. */
interface SqliteConnection {
  prepare(sql: string): { all(...params: unknown[]): unknown[] };
  pragma(source: string): unknown;
}
type Statement = ReturnType<SqliteConnection['prepare']>;

// Prepared statements, per connection: for a small, frequent read, knex compiling the query and
// better-sqlite3 preparing it again on every request cost as much as running it.
const statements = new WeakMap<object, Map<string, Statement>>();

/**
 * Bytes of the database file a connection maps into memory (SQLite's default is none): an entity
 * lookup at a million assets reads ~50 scattered rows, faster from the mapping than through a
 * read call and a page-cache copy per page. The mapped pages are the operating system's file
 * cache, shared and reclaimable, not heap, but they count in the process's RSS; 256 MiB keeps
 * that modest (2 GiB halved the query at 1M assets, 256 MiB gained about 15%).
 */
const MMAP_SIZE = 256 * 1024 * 1024;

/** Whether `db` runs on better-sqlite3, where {@link sqliteAll} applies. */
export const isBetterSqlite = (db: Knex) => db.client.config.client === 'better-sqlite3';

/**
 * Runs a read-only statement on a better-sqlite3 connection of the pool, prepared once per
 * connection and reused; returns its rows as better-sqlite3 does (as knex's dialect would).
 */
export async function sqliteAll<T>(db: Knex, sql: string, params: readonly unknown[]): Promise<T[]> {
  const connection: SqliteConnection = await db.client.acquireConnection();
  try {
    let cache = statements.get(connection);
    if (!cache) {
      statements.set(connection, (cache = new Map()));
      connection.pragma(`mmap_size = ${MMAP_SIZE}`);
    }
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = connection.prepare(sql)));
    return statement.all(...params) as T[];
  } finally {
    await db.client.releaseConnection(connection);
  }
}

/** A node-postgres client, as far as hot reads use it. */
interface PgConnection {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}

/** Whether `db` runs on PostgreSQL (node-postgres), where {@link pgAll} applies. */
export const isPg = (db: Knex) => db.client.config.client === 'pg';

/**
 * Runs a read-only statement on a PostgreSQL connection of the pool as a named prepared
 * statement: parsed and planned once per connection instead of on every request.
 */
export async function pgAll<T>(db: Knex, name: string, sql: string, params: readonly unknown[]): Promise<T[]> {
  const connection: PgConnection = await db.client.acquireConnection();
  try {
    return (await connection.query({ name, text: sql, values: params })).rows as T[];
  } finally {
    await db.client.releaseConnection(connection);
  }
}
