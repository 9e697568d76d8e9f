import type { Knex } from 'knex';
import { lockedForWrite } from '../database/engine';
import { preparedRows } from '../database/sqliteReads';

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

const SNAPSHOTS = 'itam_analytics_snapshots';
const GENERATIONS = 'itam_analytics_generations';
const GET_SQL = `select computed_at, data from ${SNAPSHOTS} where kind = ?`;

/**
 * Keeps the latest snapshot of each kind of analytics, with a generation per kind that every
 * invalidation moves on (see {@link SnapshotStore.putIfCurrent}).
 */
export interface SnapshotStore {
  /** The kind's snapshot, if one is stored. */
  get<T>(kind: string): Promise<Snapshot<T> | undefined>;
  /** Stores a snapshot whatever was invalidated meanwhile (for kinds no write invalidates). */
  put<T>(kind: string, computedAt: string, data: T): Promise<Snapshot<T>>;
  /** The kind's generation now: note it before computing, for {@link SnapshotStore.putIfCurrent}. */
  generation(kind: string): Promise<number>;
  /**
   * Stores a snapshot computed from data read at `generation`, unless an invalidation came since
   * (then the data it was computed from has changed, and it is not stored), or one computed
   * later is stored. Returns whether it was stored. `alongside` writes what belongs with the
   * snapshot, in the same transaction.
   */
  putIfCurrent<T>(
    kind: string,
    generation: number,
    computedAt: string,
    data: T,
    alongside?: (trx: Knex.Transaction) => Promise<void>,
  ): Promise<boolean>;
  /** Drops a snapshot and moves its generation on: the next read computes it afresh. */
  invalidate(kind: string): Promise<void>;
}

/** The snapshots on knex (SQLite or PostgreSQL), in `itam_analytics_snapshots`. */
export class KnexSnapshotStore implements SnapshotStore {
  /** A store on the plugin's (migrated) database. */
  static create(db: Knex): KnexSnapshotStore {
    return new KnexSnapshotStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async get<T>(kind: string): Promise<Snapshot<T> | undefined> {
    // Read on every request of the risk page and the licence views: a statement prepared once
    // per connection (see sqliteReads.ts), not parsed and planned again each time.
    const [row] = await preparedRows<{ computed_at: string; data: string }>(this.db, 'itam_snapshot_get', GET_SQL, [kind]);
    return row ? { kind, computedAt: row.computed_at, data: JSON.parse(row.data) } : undefined;
  }

  /** Stores a snapshot whatever was invalidated meanwhile (for kinds no write invalidates). */
  async put<T>(kind: string, computedAt: string, data: T): Promise<Snapshot<T>> {
    await this.write(this.db, kind, computedAt, data);
    return { kind, computedAt, data };
  }

  /** The kind's generation now: note it before computing, for {@link SnapshotStore.putIfCurrent}. */
  async generation(kind: string): Promise<number> {
    const row: { generation: number | string } | undefined = await this.db(GENERATIONS).where('kind', kind).first('generation');
    return Number(row?.generation ?? 0);
  }

  /**
   * Stores a snapshot computed from data read at `generation`, unless an invalidation came since
   * (then the data it was computed from has changed, and it is not stored). Returns whether it
   * was stored. Nor is it stored over one computed later (two runs of the same generation, on two
   * replicas, finishing out of order). The check and the write are one transaction, holding the
   * generation's row on PostgreSQL, so an invalidation cannot slip in between.
   */
  async putIfCurrent<T>(
    kind: string,
    generation: number,
    computedAt: string,
    data: T,
    /** More writes that belong with the snapshot (rows it heads), in the same transaction. */
    alongside?: (trx: Knex.Transaction) => Promise<void>,
  ): Promise<boolean> {
    return this.db.transaction(async trx => {
      const query = trx(GENERATIONS).where('kind', kind).first('generation');
      const row: { generation: number | string } | undefined =
        await lockedForWrite(trx, query);
      if (Number(row?.generation ?? 0) !== generation) return false;
      const stored: { computed_at: string } | undefined = await trx(SNAPSHOTS).where('kind', kind).first('computed_at');
      if (stored && stored.computed_at > computedAt) return false;
      await alongside?.(trx);
      await this.write(trx, kind, computedAt, data);
      return true;
    });
  }

  /** Drops a snapshot and moves its generation on: the next read computes it afresh. */
  async invalidate(kind: string): Promise<void> {
    await this.db.transaction(async trx => {
      await trx.raw(
        `insert into ${GENERATIONS} (kind, generation) values (?, 1) on conflict (kind) do update set generation = ${GENERATIONS}.generation + 1`,
        [kind],
      );
      await trx(SNAPSHOTS).where('kind', kind).delete();
    });
  }

  private async write<T>(q: Knex | Knex.Transaction, kind: string, computedAt: string, data: T) {
    await q(SNAPSHOTS)
      .insert({ kind, computed_at: computedAt, data: JSON.stringify(data) })
      .onConflict('kind')
      .merge();
  }
}
