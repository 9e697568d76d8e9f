import type { Knex } from 'knex';
import { isBetterSqlite, isPg, rawRows } from './engine';

export { isBetterSqlite, isPg } from './engine';

/** A better-sqlite3 connection, as far as hot reads use it. */
interface SqliteConnection {
  prepare(sql: string): { all(...params: unknown[]): unknown[]; run(...params: unknown[]): unknown; raw(toggle: boolean): unknown };
  pragma(source: string): unknown;
  transaction(fn: () => void): () => void;
}
type Statement = ReturnType<SqliteConnection['prepare']>;

// Prepared statements, per connection: for a small, frequent read, knex compiling the query and
// better-sqlite3 preparing it again on every request cost as much as running it.
const statements = new WeakMap<object, Map<string, Statement>>();

/**
 * Default bytes of the database file a connection maps into memory (SQLite's own default is none).
 * A register page at a million assets reads ~50 scattered rows: from the mapping they cost a
 * memory read, through SQLite's small page cache a read call and a copy per page. The mapped
 * pages read count in the process's RSS though they are the operating system's shared file
 * cache: mapping the whole 1.4 GB file of a million assets took the server to 2.1 GB RSS after
 * the first risk evaluation, where 256 MiB keeps it under 0.8 GB, and the register page, the risk
 * page and the KPIs served as many requests per second either way (bench `register-reads`).
 *
 * @public
 */
export const DEFAULT_SQLITE_MMAP_SIZE = 256 * 1024 * 1024;

// The mapping size per knex instance, when set (see tuneSqliteConnections).
const mmapSizes = new WeakMap<Knex, number>();

/** The connection pool knex keeps (tarn), as far as tuning uses it. */
interface ConnectionPool {
  on(event: 'createSuccess', listener: (eventId: number, connection: SqliteConnection) => void): void;
}

/**
 * Sets how many bytes of the database file each better-sqlite3 connection of `db` maps into
 * memory (0 turns the mapping off), as the pool creates it, so every read uses the mapping.
 * Connections the pool created before get it at their first {@link sqliteAll} read. Does
 * nothing on other databases.
 */
export function tuneSqliteConnections(db: Knex, options: { mmapSize?: number } = {}) {
  const mmapSize = options.mmapSize ?? DEFAULT_SQLITE_MMAP_SIZE;
  if (!Number.isSafeInteger(mmapSize) || mmapSize < 0) {
    throw new TypeError(`mmapSize must be a whole number of bytes, 0 or more; got ${mmapSize}`);
  }
  if (!isBetterSqlite(db)) return;
  mmapSizes.set(db, mmapSize);
  // The same hook Backstage's SQLite connector uses to turn foreign keys on.
  (db.client.pool as ConnectionPool | undefined)?.on('createSuccess', (_eventId, connection) => {
    connection.pragma(`mmap_size = ${mmapSize}`);
  });
}


/**
 * Runs a read-only statement on a better-sqlite3 connection of the pool, prepared once per
 * connection and reused; returns its rows as better-sqlite3 does (as knex's dialect would).
 */
export async function sqliteAll<T>(db: Knex, sql: string, params: readonly unknown[]): Promise<T[]> {
  return sqliteRead<T>(db, sql, params, false);
}

/**
 * {@link sqliteAll} with each row as an array of its column values in select order: for a bulk
 * read (a million installations), no object with named properties built per row.
 */
export async function sqliteAllArrays<T extends unknown[]>(db: Knex, sql: string, params: readonly unknown[]): Promise<T[]> {
  return sqliteRead<T>(db, sql, params, true);
}

async function sqliteRead<T>(db: Knex, sql: string, params: readonly unknown[], arrays: boolean): Promise<T[]> {
  const connection: SqliteConnection = await db.client.acquireConnection();
  try {
    return preparedOn(connection, db, sql, arrays).all(...params) as T[];
  } finally {
    await db.client.releaseConnection(connection);
  }
}

/** The statement prepared on a connection, once per connection and row shape. */
function preparedOn(connection: SqliteConnection, db: Knex, sql: string, arrays: boolean): Statement {
  let cache = statements.get(connection);
  if (!cache) {
    statements.set(connection, (cache = new Map()));
    // Harmless when the pool's hook has already set it; needed when the connection predates it.
    connection.pragma(`mmap_size = ${mmapSizes.get(db) ?? DEFAULT_SQLITE_MMAP_SIZE}`);
  }
  // A statement's row shape is its own setting, so each shape has its own prepared statement.
  const key = arrays ? `arrays:${sql}` : sql;
  let statement = cache.get(key);
  if (!statement) {
    statement = connection.prepare(sql);
    if (arrays) statement.raw(true);
    cache.set(key, statement);
  }
  return statement;
}

/**
 * Runs a write statement once per parameter list, in one transaction, on a better-sqlite3
 * connection of the pool, prepared once per connection: for thousands of rows of large text (a
 * reconciliation's positions, hundreds of MB), knex building a statement of a few hundred rows'
 * placeholders each time and better-sqlite3 preparing it again cost as much as the writing.
 */
export async function sqliteRunEach(db: Knex, sql: string, rows: readonly (readonly unknown[])[]): Promise<void> {
  const connection: SqliteConnection = await db.client.acquireConnection();
  try {
    let cache = statements.get(connection);
    if (!cache) statements.set(connection, (cache = new Map()));
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = connection.prepare(sql)));
    const prepared = statement;
    connection.transaction(() => {
      for (const params of rows) prepared.run(...params);
    })();
  } finally {
    await db.client.releaseConnection(connection);
  }
}

/** A node-postgres client, as far as hot reads use it. */
interface PgConnection {
  query(config: {
    name: string;
    text: string;
    values: readonly unknown[];
    rowMode?: 'array';
  }): Promise<{ rows: unknown[] }>;
}


// Names of the PostgreSQL statements built from query builders, by their text.
const pgStatementNames = new Map<string, string>();

/**
 * A name for a named prepared statement of {@link pgRows} whose text a query builder produced:
 * the same for the same text, distinct across texts (node-postgres refuses to reuse a name
 * with another text on a connection). Queries with a bounded set of shapes only.
 */
export function pgStatementName(prefix: string, sql: string): string {
  let name = pgStatementNames.get(sql);
  if (!name) pgStatementNames.set(sql, (name = `${prefix}_${pgStatementNames.size}`));
  return name;
}

/**
 * Runs a read-only statement on a PostgreSQL connection of the pool as a named prepared
 * statement, parsed and planned once per connection instead of on every request. Returns each
 * row as an array of column values in select order: node-postgres building an object per row
 * cost twice as much Node CPU as the rest of reading ~50 rows.
 */
export async function pgRows<T extends unknown[]>(db: Knex, name: string, sql: string, params: readonly unknown[]): Promise<T[]> {
  return pgQuery<T>(db, { name, text: sql, values: params, rowMode: 'array' });
}

async function pgQuery<R>(db: Knex, config: Parameters<PgConnection['query']>[0]): Promise<R[]> {
  const connection: PgConnection = await db.client.acquireConnection();
  try {
    return (await connection.query(config)).rows as R[];
  } finally {
    await db.client.releaseConnection(connection);
  }
}

/**
 * Runs a read-only statement (`?` placeholders, as knex's `toSQL().sql` has them) prepared once
 * per connection on either database (as {@link sqliteAll}, or on PostgreSQL as `name`, see
 * {@link pgStatementName}), or through knex elsewhere; the rows as objects keyed by column name.
 */
export async function preparedRows<T extends Record<string, unknown>>(db: Knex, name: string, sql: string, params: readonly unknown[]): Promise<T[]> {
  if (isBetterSqlite(db)) return sqliteAll<T>(db, sql, params);
  if (isPg(db)) {
    let n = 0;
    return pgQuery<T>(db, { name, text: sql.replace(/\?/g, () => `$${++n}`), values: params });
  }
  return rawRows<T>(db, await db.raw(sql, params as Knex.RawBinding[]));
}
