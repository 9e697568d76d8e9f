import type { Knex } from 'knex';
import type { AssetWriteListener } from '../database/KnexAssetStore';
import {
  MAX_STORED_ERRORS,
  type ImportCounts,
  type ImportFormat,
  type ImportJob,
  type ImportRowError,
  type ImportStatus,
  type ImportSummary,
} from './types';
import { jobsWithUndo, rollBackImport } from './importUndo';

const keptNote = (kept: string[]) =>
  kept.length === 0 ? '' : ` (except assets ${kept.slice(0, 20).join(', ')}${kept.length > 20 ? ', ...' : ''}, changed by other requests since, which keep those changes)`;

/** A row of `itam_import_jobs`. */
interface ImportJobRow {
  id: string;
  format: string;
  dry_run: boolean | number;
  status: string;
  rows_total: number | null;
  rows_done: number;
  bytes_total: number | string | null;
  bytes_done: number | string;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  refused_count: number;
  error_count: number;
  errors: string;
  summary: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  lease_expires_at?: string | null;
}

/** How long a running job's lease lasts; the process running it renews it well before. */
export const IMPORT_LEASE_MS = 2 * 60_000;
/** How often a running job's lease is renewed. */
export const IMPORT_LEASE_RENEW_MS = 20_000;

function rowToJob(row: ImportJobRow, withErrors: boolean): ImportJob {
  const job: ImportJob = {
    id: row.id,
    format: row.format as ImportFormat,
    dryRun: Boolean(row.dry_run),
    status: row.status as ImportStatus,
    progress: { rowsDone: Number(row.rows_done), bytesDone: Number(row.bytes_done) },
    counts: {
      created: Number(row.created_count),
      updated: Number(row.updated_count),
      unchanged: Number(row.unchanged_count),
      refused: Number(row.refused_count),
    },
    errorCount: Number(row.error_count),
    errors: withErrors ? (JSON.parse(row.errors) as ImportRowError[]) : [],
    summary: JSON.parse(row.summary) as ImportSummary,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (!withErrors) delete job.summary.outcomes;
  if (row.rows_total !== null) job.progress.rowsTotal = Number(row.rows_total);
  if (row.bytes_total !== null) job.progress.bytesTotal = Number(row.bytes_total);
  if (row.finished_at) job.finishedAt = row.finished_at;
  return job;
}

function jobToRow(job: ImportJob): ImportJobRow {
  return {
    id: job.id,
    format: job.format,
    dry_run: job.dryRun,
    status: job.status,
    rows_total: job.progress.rowsTotal ?? null,
    rows_done: job.progress.rowsDone,
    bytes_total: job.progress.bytesTotal ?? null,
    bytes_done: job.progress.bytesDone,
    created_count: job.counts.created,
    updated_count: job.counts.updated,
    unchanged_count: job.counts.unchanged,
    refused_count: job.counts.refused,
    error_count: job.errorCount,
    errors: JSON.stringify(job.errors.slice(0, MAX_STORED_ERRORS)),
    summary: JSON.stringify(job.summary),
    created_by: job.createdBy,
    created_at: job.createdAt,
    updated_at: job.updatedAt,
    finished_at: job.finishedAt ?? null,
  };
}

/** A job that has just started: running, nothing counted yet. */
export function newImportJob(options: {
  id: string;
  format: ImportFormat;
  dryRun: boolean;
  createdBy: string;
  at: string;
  bytesTotal?: number;
}): ImportJob {
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  return {
    id: options.id,
    format: options.format,
    dryRun: options.dryRun,
    status: 'running',
    progress: {
      rowsDone: 0,
      bytesDone: 0,
      ...(options.bytesTotal !== undefined ? { bytesTotal: options.bytesTotal } : {}),
    },
    counts,
    errorCount: 0,
    errors: [],
    summary: { applied: false },
    createdBy: options.createdBy,
    createdAt: options.at,
    updatedAt: options.at,
  };
}

const leaseUntil = (at: string) => new Date(Date.parse(at) + IMPORT_LEASE_MS).toISOString();

/**
 * Import jobs in `itam_import_jobs`. A running job holds a lease that the process running it
 * renews; a job whose lease has expired was abandoned (its process was killed or ran out of
 * memory) and is marked failed once what it wrote is rolled back, and its id may be used again.
 */
export interface ImportJobStore {
  /**
   * Records a new running job with its lease. A job id already used by an abandoned job is
   * taken over; any other existing id is a conflict (the database's unique-key error).
   */
  insert(job: ImportJob): Promise<void>;
  /** Extends a running job's lease from `at`. */
  renewLease(id: string, at: string): Promise<void>;
  /**
   * Fails running jobs whose lease expired before `at`, after taking back what they wrote, and
   * takes back what any other uncommitted job left. Returns the number of jobs failed.
   */
  failAbandoned(at: string): Promise<number>;
  /** In the transaction that commits a job's writes: the job is committed with them. */
  markCommitted(trx: Knex.Transaction, id: string, at: string): Promise<void>;
  /** Writes the whole job (progress, counts, errors, status). */
  save(job: ImportJob): Promise<void>;
  /** Writes a running job's progress and counts. */
  saveProgress(job: ImportJob): Promise<void>;
  /** A job with its row errors and outcomes. */
  get(id: string): Promise<ImportJob | undefined>;
  /** The most recent jobs, newest first, without row errors and outcomes (fetch a job for those). */
  listRecent(limit: number): Promise<ImportJob[]>;
}

/** The import jobs on knex (SQLite or PostgreSQL). */
export class KnexImportJobStore implements ImportJobStore {
  /**
   * A store on the plugin's (migrated) database; `assetsWritten` runs in each rollback
   * transaction, for the assets it restored or removed.
   */
  static create(db: Knex, assetsWritten?: AssetWriteListener): KnexImportJobStore {
    return new KnexImportJobStore(db, assetsWritten);
  }

  private constructor(
    private readonly db: Knex,
    private readonly assetsWritten?: AssetWriteListener,
  ) {}

  /**
   * Records a new running job with its lease. A job id already used by an abandoned job is
   * taken over; any other existing id is a conflict (the database's unique-key error).
   */
  async insert(job: ImportJob): Promise<void> {
    await this.failAbandoned(job.createdAt);
    const row = { ...jobToRow(job), lease_expires_at: leaseUntil(job.createdAt) };
    const existing: { status: string; summary: string } | undefined = await this.db('itam_import_jobs')
      .where({ id: job.id })
      .first('status', 'summary');
    if (existing && existing.status === 'failed' && (JSON.parse(existing.summary) as ImportSummary).abandoned) {
      // Only an abandoned job's row is replaced; a concurrent taker loses on the status check.
      const { id, ...rest } = row;
      const n = await this.db('itam_import_jobs').where({ id, status: 'failed' }).update(rest);
      if (n === 1) return;
    }
    await this.db('itam_import_jobs').insert(row);
  }

  /** Extends a running job's lease from `at`. */
  async renewLease(id: string, at: string): Promise<void> {
    await this.db('itam_import_jobs').where({ id, status: 'running' }).update({ lease_expires_at: leaseUntil(at) });
  }

  /**
   * Fails running jobs whose lease expired before `at`, after taking back what they wrote (their
   * undo records, see importUndo.ts), and takes back what any other uncommitted job left (a
   * failed job whose rollback could not finish). Called when the plugin starts and before jobs
   * are read, so no job stays `running` forever and no half-written job stays in the register.
   * Returns the number of jobs failed.
   */
  async failAbandoned(at: string): Promise<number> {
    const expired = (b: Knex.QueryBuilder) => b.whereNull('lease_expires_at').orWhere('lease_expires_at', '<', at);
    const abandoned: { id: string }[] = await this.db('itam_import_jobs').where('status', 'running').where(expired).select('id');
    let failed = 0;
    for (const { id } of abandoned) {
      // Claimed by renewing its lease: another process failing the same job finds it live.
      const claimed = await this.db('itam_import_jobs')
        .where({ id, status: 'running' })
        .where(expired)
        .update({ lease_expires_at: leaseUntil(at) });
      if (claimed === 0) continue;
      const rollback = await rollBackImport(this.db, id, this.assetsWritten);
      const summary: ImportSummary = {
        applied: false,
        abandoned: true,
        message:
          rollback.transactions > 0
            ? `The backend stopped while this job wrote (its lease expired): what it had written was rolled back${keptNote(rollback.kept)}. Run the import again; the job id may be reused.`
            : 'The backend stopped while this job ran (its lease expired): nothing was written. Run the import again; the job id may be reused.',
      };
      failed += await this.db('itam_import_jobs')
        .where({ id, status: 'running' })
        .update({ status: 'failed', summary: JSON.stringify(summary), updated_at: at, finished_at: at, lease_expires_at: null });
    }
    for (const id of await jobsWithUndo(this.db)) {
      const job: { status: string; lease_expires_at: string | null } | undefined = await this.db('itam_import_jobs')
        .where({ id })
        .first('status', 'lease_expires_at');
      if (job?.status === 'running') continue;
      await rollBackImport(this.db, id, this.assetsWritten);
    }
    return failed;
  }

  /**
   * In the transaction that commits a job's writes: the job is committed even if its process
   * stops before it records the outcome (its counts are then those of the last progress).
   */
  async markCommitted(trx: Knex.Transaction, id: string, at: string): Promise<void> {
    const summary: ImportSummary = { applied: true, message: 'The rows were written; the backend stopped before it recorded the counts.' };
    await trx('itam_import_jobs')
      .where({ id })
      .update({ status: 'succeeded', summary: JSON.stringify(summary), updated_at: at, finished_at: at, lease_expires_at: null });
  }

  /** Writes the whole job (progress, counts, errors, status). */
  async save(job: ImportJob): Promise<void> {
    const { id, ...row } = jobToRow(job);
    await this.db('itam_import_jobs')
      .where({ id })
      .update({ ...row, lease_expires_at: job.status === 'running' ? leaseUntil(job.updatedAt) : null });
  }

  async saveProgress(job: ImportJob): Promise<void> {
    await this.db('itam_import_jobs').where({ id: job.id }).update({
      rows_done: job.progress.rowsDone,
      bytes_done: job.progress.bytesDone,
      updated_at: job.updatedAt,
    });
  }

  async get(id: string): Promise<ImportJob | undefined> {
    const row: ImportJobRow | undefined = await this.db('itam_import_jobs').where({ id }).first();
    return row ? rowToJob(row, true) : undefined;
  }

  /** The most recent jobs, newest first, without row errors and outcomes (fetch a job for those). */
  async listRecent(limit: number): Promise<ImportJob[]> {
    const rows: ImportJobRow[] = await this.db('itam_import_jobs')
      .select(
        'id', 'format', 'dry_run', 'status', 'rows_total', 'rows_done', 'bytes_total', 'bytes_done',
        'created_count', 'updated_count', 'unchanged_count', 'refused_count', 'error_count',
        'summary', 'created_by', 'created_at', 'updated_at', 'finished_at',
      )
      .select(this.db.raw(`'[]' as errors`))
      .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
      .limit(limit);
    return rows.map(r => rowToJob(r, false));
  }
}
