// Import jobs as the API reports them: shared by the backend, which runs them, and the clients.

/**
 * The file formats an import accepts.
 *
 * @public
 */
export const IMPORT_FORMATS = ['snipeit-csv', 'glpi-json', 'itam-csv', 'itam-json'] as const;
/** @public */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** @public */
export const IMPORT_STATUSES = ['running', 'succeeded', 'failed'] as const;
/** @public */
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * A problem with one row: its number in the file, the column (or field) and what is wrong.
 *
 * @public
 */
export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

/**
 * What an import did (or, in a dry run, would do) with one row.
 *
 * @public
 */
export type ImportAction = 'create' | 'update' | 'unchanged';

/** @public */
export interface ImportRowOutcome {
  row: number;
  action: ImportAction;
  tag: string;
  assetId: string;
  /** The fields an update changes. */
  fields?: string[];
}

/** @public */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
}

/** @public */
export interface ImportSummary {
  /** True when the job's changes were written (never for a dry run or a failed job). */
  applied: boolean;
  /** Why the job failed, when it failed as a whole (unreadable file, refused rows). */
  message?: string;
  /** Columns of the file the format does not use. */
  ignoredColumns?: string[];
  /** Software installations reported (and, when applied, stored). */
  installations?: number;
  /** The first row outcomes, so a dry run shows what would change. */
  outcomes?: ImportRowOutcome[];
}

/**
 * An import job as the API returns it.
 *
 * @public
 */
export interface ImportJob {
  id: string;
  format: ImportFormat;
  dryRun: boolean;
  status: ImportStatus;
  progress: {
    rowsDone: number;
    /** Known once the whole file has been read. */
    rowsTotal?: number;
    bytesDone: number;
    /** The upload's Content-Length, when the client sent one. */
    bytesTotal?: number;
  };
  counts: ImportCounts;
  /** Every row error is counted; `errors` keeps the first {@link MAX_STORED_ERRORS}. */
  errorCount: number;
  errors: ImportRowError[];
  summary: ImportSummary;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
}

/**
 * How many row errors a job keeps (all are counted).
 *
 * @public
 */
export const MAX_STORED_ERRORS = 1000;
/**
 * How many row outcomes a job's summary keeps.
 *
 * @public
 */
export const MAX_STORED_OUTCOMES = 200;

