import type { Knex } from 'knex';

// The one place that tells the database engines apart: where SQL differs between PostgreSQL and
// SQLite (locks, raw results, collations, prepared statements), callers ask here.

/** Whether `db` (a knex instance or transaction) runs on PostgreSQL (node-postgres). */
export const isPg = (db: Knex) => db.client.config.client === 'pg';

/** Whether `db` runs on better-sqlite3, the embedded default. */
export const isBetterSqlite = (db: Knex) => db.client.config.client === 'better-sqlite3';

/**
 * A read that locks its rows until the transaction ends on PostgreSQL (`for update`); SQLite runs
 * one write transaction at a time, so there it is the plain read (knex warns on `forUpdate`).
 */
export function lockedForWrite<Q extends Knex.QueryBuilder>(db: Knex, query: Q): Q {
  return isPg(db) ? (query.forUpdate() as Q) : query;
}

/** The rows of a raw query's result: node-postgres wraps them in `rows`, better-sqlite3 does not. */
export function rawRows<T>(db: Knex, result: unknown): T[] {
  return (isPg(db) ? (result as { rows: T[] }).rows : result) as T[];
}
