export {
  IMPORT_FORMATS,
  IMPORT_STATUSES,
  MAX_STORED_ERRORS,
  MAX_STORED_OUTCOMES,
  type ImportAction,
  type ImportCounts,
  type ImportFormat,
  type ImportJob,
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
}

/** Names a schema path (e.g. `purchase.cost`) the way the file does (e.g. `Purchase Cost`). */
export type FieldNamer = (path: string) => string;

/** A format's reading of a file: the rows, the column namer and the unused columns. */
export interface MappedSource {
  rows: AsyncIterable<MappedRow>;
  fieldName: FieldNamer;
  ignoredColumns?: () => string[];
}
