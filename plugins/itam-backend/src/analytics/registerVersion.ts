import type { Knex } from 'knex';
import { isBetterSqlite, preparedRows } from '../database/sqliteReads';
import { isPg } from '../database/engine';

const WRITE = /^\s*(insert|update|delete|replace|create|drop|alter)\b/i;
/** One tracker per database handle, however many services read it. */
const trackers = new WeakMap<Knex, RegisterVersion>();

/**
 * A version of everything the analytics read: results computed at one version are still right
 * while it has not moved. Take it before reading, so a write during the read makes it stale.
 */
export interface RegisterVersionSource {
  current(): Promise<string>;
}

/** PostgreSQL's version: committed write statements since the last fold, and the fold epoch. */
class PostgresRegisterVersion implements RegisterVersionSource {
  constructor(private readonly db: Knex) {}

  async current(): Promise<string> {
    // Read before every cached analytics answer: a statement prepared once per connection.
    const read = () => preparedRows<{ epoch: string; n: string }>(this.db, 'itam_register_version', VERSION_SQL, []);
    let rows = await read();
    if (Number(rows[0].n) > FOLD_AFTER_WRITES) {
      await this.fold();
      rows = await read();
    }
    return `${rows[0].epoch}:${rows[0].n}`;
  }

  /**
   * Empties the write log and moves the epoch on, in one transaction under a try-lock (one folder
   * at a time; the others keep counting). A write committing meanwhile keeps its row, so the
   * version after the fold (new epoch) differs from every version before it.
   */
  private async fold() {
    await this.db.transaction(async trx => {
      const { rows } = (await trx.raw('select pg_try_advisory_xact_lock(?) as locked', [FOLD_LOCK])) as { rows: { locked: boolean }[] };
      if (!rows[0].locked) return;
      await trx.raw('delete from itam_register_writes');
      await trx.raw('update itam_register_epoch set epoch = epoch + 1 where id = 1');
    });
  }
}

const VERSION_SQL = 'select (select epoch from itam_register_epoch where id = 1) as epoch, (select count(*) from itam_register_writes) as n';

/** Write-log rows counted before a reader folds them (a count of them is one short scan). */
const FOLD_AFTER_WRITES = 5000;
const FOLD_LOCK = 0x17a3_0003;
/** One tracker per PostgreSQL handle. */
const postgresTrackers = new WeakMap<Knex, PostgresRegisterVersion>();

/**
 * The version of the register a database handle reads: on an SQLite file, the plugin's own write
 * statements; on PostgreSQL, the committed writes of every replica (migrations/20261213_registerWrites.js).
 */
export function registerVersionOf(db: Knex): RegisterVersionSource | undefined {
  if (isPg(db)) {
    let tracker = postgresTrackers.get(db);
    if (!tracker) postgresTrackers.set(db, (tracker = new PostgresRegisterVersion(db)));
    return tracker;
  }
  return RegisterVersion.track(db);
}

/**
 * A version of everything the analytics read, for a register on an SQLite file: the plugin is
 * then the only process writing through its one connection, so counting the write statements it
 * sends (in or out of transactions, committed or not: an extra count only costs a recomputation)
 * tells when anything changed; `PRAGMA data_version` adds writes by any other connection to the
 * file.
 */
export class RegisterVersion implements RegisterVersionSource {
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
 * Results reused while the register version has not moved (see {@link registerVersionOf}); the
 * KPI dashboard and the maturity page read the same figures over and over between writes, and
 * on SQLite each computation holds the one connection (and the event loop) for its whole run.
 */
export class VersionedResults<T> {
  private readonly kept = new Map<string, { version: string; value: T }>();

  constructor(
    private readonly version: RegisterVersionSource | undefined,
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
