import type { Knex } from 'knex';
import { isBetterSqlite } from '../database/sqliteReads';

const WRITE = /^\s*(insert|update|delete|replace|create|drop|alter)\b/i;
/** One tracker per database handle, however many services read it. */
const trackers = new WeakMap<Knex, RegisterVersion>();

/**
 * A version of everything the analytics read, for a register on an SQLite file: the plugin is
 * then the only process writing through its one connection, so counting the write statements it
 * sends (in or out of transactions, committed or not: an extra count only costs a recomputation)
 * tells when anything changed; `PRAGMA data_version` adds writes by any other connection to the
 * file. On PostgreSQL, where other replicas write unseen, there is no version and nothing is
 * reused.
 */
export class RegisterVersion {
  private writes = 0;

  private constructor(private readonly db: Knex) {
    db.on('query', (query: { sql?: string }) => {
      if (typeof query.sql === 'string' && WRITE.test(query.sql)) this.writes++;
    });
  }

  /** Tracks writes on `db` when it is SQLite; undefined otherwise. */
  static track(db: Knex): RegisterVersion | undefined {
    if (!isBetterSqlite(db)) return undefined;
    let tracker = trackers.get(db);
    if (!tracker) trackers.set(db, (tracker = new RegisterVersion(db)));
    return tracker;
  }

  /** The version now; take it before reading, so a write during the read makes it stale. */
  async current(): Promise<string> {
    const [row] = (await this.db.raw('PRAGMA data_version')) as { data_version: number }[];
    return `${this.writes}:${row?.data_version}`;
  }
}

/**
 * Results reused while the register version has not moved (see {@link RegisterVersion}); the
 * KPI dashboard and the maturity page read the same figures over and over between writes, and
 * on SQLite each computation holds the one connection (and the event loop) for its whole scan.
 */
export class VersionedResults<T> {
  private readonly kept = new Map<string, { version: string; value: T }>();

  constructor(
    private readonly version: RegisterVersion | undefined,
    private readonly maxEntries = 32,
  ) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.version) return compute();
    const version = await this.version.current();
    const kept = this.kept.get(key);
    if (kept?.version === version) return kept.value;
    const value = await compute();
    if (this.kept.size >= this.maxEntries) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(key, { version, value });
    return value;
  }
}
