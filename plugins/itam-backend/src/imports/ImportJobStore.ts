import type { Knex } from 'knex';
import {
  MAX_STORED_ERRORS,
  type ImportCounts,
  type ImportFormat,
  type ImportJob,
  type ImportRowError,
  type ImportStatus,
  type ImportSummary,
} from './types';

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
}

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

/** Import jobs in `itam_import_jobs`. */
export class ImportJobStore {
  constructor(private readonly db: Knex) {}

  async insert(job: ImportJob): Promise<void> {
    await this.db('itam_import_jobs').insert(jobToRow(job));
  }

  /** Writes the whole job (progress, counts, errors, status). */
  async save(job: ImportJob): Promise<void> {
    const { id, ...row } = jobToRow(job);
    await this.db('itam_import_jobs').where({ id }).update(row);
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
