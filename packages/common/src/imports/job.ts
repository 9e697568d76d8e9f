// Import jobs as the API reports them: shared by the backend, which runs them, and the clients.

/**
 * The file formats an import accepts.
 *
 * @public
 */
export const IMPORT_FORMATS = ['snipeit-csv', 'glpi-json', 'itam-csv', 'itam-json'] as const;
/** @public */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * What a Snipe-IT file holds: its importer's kinds. Accessories, consumables and components are
 * stock counted by quantity, not individually identified assets: the import refuses them.
 *
 * @public
 */
export const SNIPEIT_KINDS = ['assets', 'licenses', 'models', 'users', 'locations', 'accessories', 'consumables', 'components'] as const;
/** @public */
export type SnipeItKind = (typeof SNIPEIT_KINDS)[number];

/**
 * `atomic`: any refused row fails the job and nothing is written. `valid-rows`: the valid rows
 * are written and each refused row is reported; re-running the corrected file changes only what
 * was refused.
 *
 * @public
 */
export const IMPORT_MODES = ['atomic', 'valid-rows'] as const;
/** @public */
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Text encodings an upload may be read as (`encoding` parameter); detected when absent. @public */
export const IMPORT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1', 'macintosh'] as const;
/** @public */
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** Line endings a CSV was found to use. @public */
export type LineEnding = 'CRLF' | 'LF' | 'CR' | 'mixed' | 'none';

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
 * Something worth knowing about a row that was still imported (e.g. a person kept as text).
 *
 * @public
 */
export type ImportRowWarning = ImportRowError;

/**
 * How the file was read: what the dry run reports so the user can confirm or override it.
 *
 * @public
 */
export interface ImportReading {
  /** The encoding used, and whether it was detected or given. */
  encoding?: ImportEncoding;
  encodingDetected?: boolean;
  lineEnding?: LineEnding;
  /** The Snipe-IT kind, and whether it was detected from the header. */
  kind?: SnipeItKind | 'glpi-inventory';
  kindDetected?: boolean;
  /** Per date column: the layout used and whether it was inferred from the column's values. */
  dateFormats?: { column: string; format: string; inferred: boolean }[];
  decimalSeparator?: '.' | ',';
  mode?: ImportMode;
  unknownPeople?: 'keep-as-text' | 'omit' | 'refuse';
}

/**
 * The first rows as they will be written: field name (as the register calls it) to value.
 *
 * @public
 */
export interface ImportPreviewRow {
  row: number;
  values: Record<string, string | number | boolean | null>;
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
  /**
   * For a row that is not an asset, what it is (`entitlement`, `hardware-model`, `user`,
   * `location`): `assetId` is then that record's id (or empty), not an asset's.
   */
  record?: string;
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
  /** The job was abandoned: the backend running it stopped before it finished. */
  abandoned?: boolean;
  /** Columns of the file the format does not use. */
  ignoredColumns?: string[];
  /** Software installations reported (and, when applied, stored). */
  installations?: number;
  /** The first row outcomes, so a dry run shows what would change. */
  outcomes?: ImportRowOutcome[];
  /** How the file was read (encoding, line ending, kind, date layouts...). */
  reading?: ImportReading;
  /** The first rows as they will be written. */
  preview?: ImportPreviewRow[];
  /** Every warning is counted; `warnings` keeps the first {@link MAX_STORED_ERRORS}. */
  warningCount?: number;
  warnings?: ImportRowWarning[];
  /** Records other than assets the job wrote or would write (licence products, entitlements...). */
  records?: Record<string, number>;
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
/**
 * How many rows a job's preview shows.
 *
 * @public
 */
export const MAX_PREVIEW_ROWS = 20;

