export {
  IMPORT_FORMATS,
  IMPORT_MODES,
  MAX_PREVIEW_ROWS,
  IMPORT_STATUSES,
  MAX_STORED_ERRORS,
  MAX_STORED_OUTCOMES,
  type ImportAction,
  type ImportCounts,
  type ImportFormat,
  type ImportJob,
  type ImportMode,
  type ImportPreviewRow,
  type ImportReading,
  type ImportRowWarning,
  type ImportRowError,
  type ImportRowOutcome,
  type ImportStatus,
  type ImportSummary,
} from '@itam/common';

/** A software installation a discovery source saw on a device. */
export interface InstallationInput {
  productName: string;
  version?: string;
  publisher?: string;
  installDate?: string;
  lastUsed?: string;
}

/**
 * One row of an import file turned into asset input by a format's mapper, before the common
 * schema checks it.
 */
export interface MappedRow {
  /** The row number users see: the CSV record counting the header as 1, or the JSON item (1-based). */
  row: number;
  /** Asset input holding only the fields the source provided (so an update changes only those). */
  input: Record<string, unknown>;
  /** Problems the mapper found, already named by the file's columns. */
  issues: { field: string; message: string }[];
  /** Input fields used when creating an asset but never applied to an existing one. */
  createOnly?: string[];
  /** Software seen on the device, replacing what this source reported before. */
  installations?: { source: string; items: InstallationInput[] };
  /**
   * People the row names (e.g. Snipe-IT's "checked out to"), resolved to catalogue users by
   * `userRefCandidates` and the job's unknown-people policy, then set as `field`.
   */
  people?: PersonReference[];
  /** Things worth telling about the row that do not stop it (named by the file's columns). */
  warnings?: { field: string; message: string }[];
  /** A Snipe-IT "ready to deploy" asset checked out to a person is deployed once they are its owner. */
  deployWithOwner?: boolean;
  /** An id other rows of the same file use to link to this row's asset. */
  key?: string;
  /** Links from this row's asset to (or, `reverse`, from) the asset of the row with key `to`. */
  links?: { type: 'part-of' | 'hosts' | 'installed-on'; to: string; reverse?: boolean }[];
}

/** A person a row names, as its file names them. */
export interface PersonReference {
  field: 'owner' | 'custodian';
  /** The column that names the person, for messages. */
  column: string;
  candidates: string[];
  /** How to keep the person as text when the catalogue does not know them. */
  label?: string;
}

/** Names a schema path (e.g. `purchase.cost`) the way the file does (e.g. `Purchase Cost`). */
export type FieldNamer = (path: string) => string;

/** A format's reading of a file: the rows, the column namer and the unused columns. */
export interface MappedSource {
  rows: AsyncIterable<MappedRow>;
  fieldName: FieldNamer;
  ignoredColumns?: () => string[];
}
