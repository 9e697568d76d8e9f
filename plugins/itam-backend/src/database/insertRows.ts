import type { Knex } from 'knex';
import { isBetterSqlite } from './engine';

/** A better-sqlite3 connection, as far as bulk inserts use it. */
interface SqliteConnection {
  prepare(sql: string): { run(...params: unknown[]): unknown };
}
type Statement = ReturnType<SqliteConnection['prepare']>;

/** Bound parameters per statement: below SQLite's default limit (32766) and PostgreSQL's (65535). */
const MAX_PARAMETERS = 30_000;
/** Rows per SQLite statement: beyond this, longer statements gain nothing. */
const MAX_SQLITE_ROWS = 200;

// Prepared multi-row INSERTs, per connection: knex would compile and prepare the statement again
// for every batch, which costs more than the insert itself.
const statements = new WeakMap<object, Map<string, Statement>>();

function sqliteStatement(connection: SqliteConnection, table: string, columns: readonly string[], rows: number) {
  let cache = statements.get(connection);
  if (!cache) statements.set(connection, (cache = new Map()));
  const key = `${table}\u0000${columns.join(',')}\u0000${rows}`;
  let statement = cache.get(key);
  if (!statement) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    statement = connection.prepare(
      `insert into "${table}" (${columns.map(c => `"${c}"`).join(', ')}) values ${Array(rows).fill(tuple).join(', ')}`,
    );
    cache.set(key, statement);
  }
  return statement;
}

/** The value as better-sqlite3 binds it (as knex's dialect does). */
const sqliteValue = (v: unknown) => (typeof v === 'boolean' ? Number(v) : v ?? null);

/**
 * Inserts rows that all have `columns` (on SQLite, absent values become NULL), in as few statements as the
 * engine's parameter limit allows. On SQLite the statements are prepared once per connection and
 * reused; inside a transaction they run on the transaction's connection.
 */
export async function insertRows<R extends object>(
  q: Knex | Knex.Transaction,
  table: string,
  columns: readonly (keyof R & string)[],
  rows: readonly R[],
): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  if (!isBetterSqlite(q)) {
    for (let i = 0; i < rows.length; i += perStatement) {
      await q(table).insert(rows.slice(i, i + perStatement) as object[]);
    }
    return;
  }
  const size = Math.min(perStatement, MAX_SQLITE_ROWS);
  // Statements run on the driver do not pass through knex: announce the write as knex would, for
  // listeners of its `query` event (the analytics' register version, query logging).
  q.client.emit('query', { method: 'insert', sql: `insert into "${table}" (bulk, ${rows.length} rows)`, bindings: [], __knexQueryUid: `itam-insert-rows-${table}` });
  const connection: SqliteConnection = await q.client.acquireConnection();
  try {
    const params: unknown[] = [];
    for (let i = 0; i < rows.length; i += size) {
      const n = Math.min(size, rows.length - i);
      params.length = 0;
      for (let r = i; r < i + n; r++) {
        const row = rows[r];
        for (const c of columns) params.push(sqliteValue(row[c]));
      }
      sqliteStatement(connection, table, columns, n).run(params);
    }
  } finally {
    await q.client.releaseConnection(connection);
  }
}
