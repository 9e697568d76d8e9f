import type { ImportFormat, ImportJob } from '@itam/common';

/** Display names of the import formats. */
export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  'itam-csv': 'ITAM CSV (register export)',
  'itam-json': 'ITAM JSON',
  'snipeit-csv': 'Snipe-IT CSV',
  'glpi-json': 'GLPI agent inventory (JSON)',
};

// Snipe-IT's importer requires these columns; the native CSV has neither.
const SNIPEIT_HEADER_COLUMNS = ['asset tag', 'category'];

function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return (end < 0 ? text : text.slice(0, end)).replace(/^\uFEFF/, '');
}

/** Whether a CSV's header row names Snipe-IT's columns (its importer ignores case, so do we). */
export function looksLikeSnipeIt(csv: string): boolean {
  const columns = firstLine(csv)
    .split(',')
    .map(c => c.trim().replace(/^"|"$/g, '').toLowerCase());
  return SNIPEIT_HEADER_COLUMNS.every(c => columns.includes(c));
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
