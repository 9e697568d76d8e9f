import type { Knex } from 'knex';

/**
 * A computed result kept until the next computation.
 *
 * @public
 */
export interface Snapshot<T> {
  kind: string;
  computedAt: string;
  data: T;
}

/**
 * Keeps the latest snapshot of each kind of analytics.
 *
 * @public
 */
export class SnapshotStore {
  constructor(private readonly db: Knex) {}

  async get<T>(kind: string): Promise<Snapshot<T> | undefined> {
    const row = await this.db('itam_analytics_snapshots').where('kind', kind).first();
    return row ? { kind, computedAt: row.computed_at, data: JSON.parse(row.data) } : undefined;
  }

  async put<T>(kind: string, computedAt: string, data: T): Promise<Snapshot<T>> {
    await this.db('itam_analytics_snapshots')
      .insert({ kind, computed_at: computedAt, data: JSON.stringify(data) })
      .onConflict('kind')
      .merge();
    return { kind, computedAt, data };
  }

  /** Drops a snapshot, so the next read computes it afresh. */
  async delete(kind: string): Promise<void> {
    await this.db('itam_analytics_snapshots').where('kind', kind).delete();
  }
}
