import { ImportFileError } from './errors';
import type { CsvRecord } from './readers';

/** A column a CSV format knows: its key, the header names it answers to, and whether it is required. */
export interface ColumnSpec<K extends string> {
  key: K;
  /** Header names, matched case-insensitively and ignoring surrounding spaces; the first is canonical. */
  names: readonly string[];
  required?: boolean;
}

/** The columns of one file: where each known key is and what the file calls it. */
export interface ColumnMap<K extends string> {
  /** The cell of `key` in a record, trimmed; undefined when empty or absent. */
  get(values: string[], key: K): string | undefined;
  has(key: K): boolean;
  /** The header the file uses for `key` (its canonical name when absent). */
  header(key: K): string;
  ignored: string[];
  width: number;
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Matches a header row to a format's columns. Missing required columns fail the file with an
 * error naming every one of them.
 */
export function mapColumns<K extends string>(
  header: CsvRecord | undefined,
  specs: readonly ColumnSpec<K>[],
  formatName: string,
): ColumnMap<K> {
  if (!header) throw new ImportFileError('The file is empty: expected a header row and data rows');
  const index = new Map<K, number>();
  const used = new Set<number>();
  for (const spec of specs) {
    const names = spec.names.map(norm);
    const at = header.values.findIndex((h, i) => !used.has(i) && names.includes(norm(h)));
    if (at >= 0) {
      index.set(spec.key, at);
      used.add(at);
    }
  }
  const missing = specs.filter(s => s.required && !index.has(s.key)).map(s => s.names[0]);
  if (missing.length > 0) {
    throw new ImportFileError(
      `The ${formatName} file is missing required column${missing.length > 1 ? 's' : ''} ${missing
        .map(m => `"${m}"`)
        .join(', ')} (found: ${header.values.map(h => `"${h.trim()}"`).join(', ')})`,
      missing.join(', '),
    );
  }
  const canonical = new Map(specs.map(s => [s.key, s.names[0]]));
  return {
    get(values, key) {
      const at = index.get(key);
      if (at === undefined) return undefined;
      const v = values[at]?.trim();
      return v ? v : undefined;
    },
    has: key => index.has(key),
    header: key => {
      const at = index.get(key);
      return at === undefined ? canonical.get(key) ?? key : header.values[at].trim();
    },
    ignored: header.values.filter((h, i) => !used.has(i) && h.trim() !== '').map(h => h.trim()),
    width: header.values.length,
  };
}

/** A row error for a record whose field count differs from the header's. */
export function widthIssue(record: CsvRecord, width: number): { field: string; message: string } | undefined {
  return record.values.length === width
    ? undefined
    : { field: 'row', message: `has ${record.values.length} fields but the header has ${width}` };
}
