import type { ImportEncoding, ImportFormat, ImportJob, SnipeItKind } from '@itam/common';

/** Display names of the import formats. */
export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  'itam-csv': 'ITAM CSV (register export)',
  'itam-json': 'ITAM JSON',
  'snipeit-csv': 'Snipe-IT CSV',
  'glpi-json': 'GLPI agent inventory (JSON)',
};

/** Display names of Snipe-IT's import kinds. */
export const SNIPEIT_KIND_LABELS: Record<SnipeItKind, string> = {
  assets: 'Assets',
  licenses: 'Licences',
  models: 'Asset models',
  users: 'Users (checked against the catalogue)',
  locations: 'Locations',
  accessories: 'Accessories (not imported)',
  consumables: 'Consumables (not imported)',
  components: 'Components (not imported)',
};

/** Display names of the text encodings. */
export const ENCODING_LABELS: Record<ImportEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Excel on Windows)',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)',
  macintosh: 'Mac OS Roman',
};

// Snipe-IT's files: a header naming one of these columns (its importer's field names); the
// native CSV has none of them.
const SNIPEIT_HEADER_COLUMNS = ['asset tag', 'seats', 'licensed to name', 'eol', 'fieldset', 'first name', 'qty', 'quantity'];

function firstLine(text: string): string {
  const end = text.search(/[\r\n]/);
  return (end < 0 ? text : text.slice(0, end)).replace(/^\uFEFF/, '');
}

/** Whether a CSV's header row names Snipe-IT's columns (its importer ignores case, so do we). */
export function looksLikeSnipeIt(csv: string): boolean {
  const columns = firstLine(csv)
    .split(',')
    .map(c => c.trim().replace(/^"|"$/g, '').toLowerCase());
  return SNIPEIT_HEADER_COLUMNS.some(c => columns.includes(c)) || (columns.includes('name') && columns.includes('address'));
}

/** Whether a JSON text is one GLPI agent inventory (an object with `deviceid` and `content`), not an array of assets. */
function looksLikeGlpi(json: string): boolean {
  const start = json.replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('{') && /"deviceid"\s*:/.test(json) && /"content"\s*:/.test(json);
}

/**
 * The format a file is most likely in, from its name and its text: `.csv` is the native CSV
 * unless its header is Snipe-IT's; `.json` is the native JSON unless it is a GLPI inventory.
 * Undefined when the name says neither, so the user picks.
 */
export function guessImportFormat(fileName: string, text: string): ImportFormat | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return looksLikeSnipeIt(text) ? 'snipeit-csv' : 'itam-csv';
  if (name.endsWith('.json')) return looksLikeGlpi(text) ? 'glpi-json' : 'itam-json';
  return undefined;
}

/** "1.5 MB": a byte count for people. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** The row counts of a job in one phrase, e.g. "1 created, 1 updated, 0 unchanged, 2 refused". */
export function countsPhrase(job: Pick<ImportJob, 'counts'>): string {
  const { created, updated, unchanged, refused } = job.counts;
  return `${created} created, ${updated} updated, ${unchanged} unchanged, ${refused} refused`;
}
