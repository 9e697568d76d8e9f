import { restoreFormulaCell } from '@itam/common';
import { mapColumns, widthIssue, type ColumnSpec } from './csvColumns';
import { quote } from './errors';
import type { CsvRecord, JsonArrayItem } from './readers';
import type { FieldNamer, MappedRow, MappedSource } from './types';

/**
 * The native CSV columns: those of the register export (`service/csvExport.ts`), so an export
 * re-imports. `id`, `version` and `updatedAt` are the register's own bookkeeping and are not
 * imported (assets are matched by external id, serial, then tag).
 */
const NATIVE_FIELDS = [
  'tag',
  'name',
  'assetClass',
  'type',
  'lifecycleStage',
  'criticality',
  'dataClassification',
  'serialNumber',
  'owner',
  'custodian',
  'location',
  'costCentre',
  'purchaseDate',
  'purchaseCost',
  'currency',
  'supplier',
  'orderNumber',
  'warrantyEnd',
  'endOfLife',
  'endOfSupport',
  'externalIds',
] as const;
type NativeColumn = (typeof NATIVE_FIELDS)[number];

const REQUIRED: readonly NativeColumn[] = ['tag', 'name', 'assetClass', 'type'];
export const NATIVE_COLUMNS: readonly ColumnSpec<NativeColumn>[] = NATIVE_FIELDS.map(key => ({
  key,
  names: [key],
  required: REQUIRED.includes(key),
}));
/** Export columns the import reads but does not apply. */
const BOOKKEEPING = ['id', 'version', 'updatedAt'];

const PURCHASE_COLUMNS: Record<string, NativeColumn> = {
  'purchase.date': 'purchaseDate',
  'purchase.cost': 'purchaseCost',
  'purchase.currency': 'currency',
  'purchase.supplier': 'supplier',
  'purchase.orderNumber': 'orderNumber',
};

/** Schema paths named as the native CSV's columns. */
export const nativeCsvFieldName: FieldNamer = path => {
  const purchase = Object.entries(PURCHASE_COLUMNS).find(([p]) => path === p || path.startsWith(`${p}.`));
  if (purchase) return purchase[1];
  if (path === 'purchase') return 'purchaseCost';
  return path.split('.')[0];
};

/** Parses `source:id source:id` as the export writes external ids (`%` escapes in ids decoded). */
export function parseExternalIds(value: string): { source: string; sourceId: string }[] | string {
  const ids: { source: string; sourceId: string }[] = [];
  for (const token of value.split(/\s+/).filter(Boolean)) {
    const at = token.indexOf(':');
    if (at <= 0 || at === token.length - 1) return `${quote(token)} is not source:id`;
    ids.push({ source: token.slice(0, at), sourceId: token.slice(at + 1).replace(/(?:%[0-9A-Fa-f]{2})+/g, decodeEscape) });
  }
  return ids;
}

const decodeEscape = (escape: string) => {
  try {
    return decodeURIComponent(escape);
  } catch {
    return escape;
  }
};

// Column → purchase field, looked up once rather than per cell.
const PURCHASE_FIELD = new Map<NativeColumn, string>(
  Object.entries(PURCHASE_COLUMNS).map(([path, column]) => [column, path.slice('purchase.'.length)]),
);
const AMOUNT = /^\d+(?:\.\d+)?$/;
const DIGITS = /^\d+$/;

/** Turns one native CSV row into asset input (empty cells leave a field as it is). */
export function mapNativeRecord(record: CsvRecord, columns: ReturnType<typeof mapColumns<NativeColumn>>): MappedRow {
  const width = widthIssue(record, columns.width);
  if (width) return { row: record.row, input: {}, issues: [width] };
  const issues: MappedRow['issues'] = [];
  const input: Record<string, unknown> = {};
  let purchase: Record<string, unknown> | undefined;
  for (const key of NATIVE_FIELDS) {
    const cell = columns.get(record.values, key);
    if (cell === undefined) continue;
    // The export puts an apostrophe before text a spreadsheet would run as a formula.
    const value = restoreFormulaCell(cell);
    const purchaseField = PURCHASE_FIELD.get(key);
    if (key === 'criticality') {
      input.criticality = DIGITS.test(value) ? Number(value) : value;
    } else if (key === 'purchaseCost') {
      if (!AMOUNT.test(value)) issues.push({ field: key, message: `${quote(value)} is not an amount, e.g. 1299.99` });
      else (purchase ??= {}).cost = Number(value);
    } else if (key === 'externalIds') {
      const ids = parseExternalIds(value);
      if (typeof ids === 'string') issues.push({ field: key, message: ids });
      else input.externalIds = ids;
    } else if (purchaseField) {
      (purchase ??= {})[purchaseField] = value;
    } else {
      input[key] = value;
    }
  }
  if (purchase) input.purchase = purchase;
  return { row: record.row, input, issues };
}

/** Reads the native CSV format (the register export). */
export function nativeCsvSource(records: AsyncIterable<CsvRecord>): MappedSource {
  let columns: ReturnType<typeof mapColumns<NativeColumn>> | undefined;
  async function* rows(): AsyncGenerator<MappedRow> {
    const iterator = records[Symbol.asyncIterator]();
    const first = await iterator.next();
    columns = mapColumns(first.done ? undefined : first.value, NATIVE_COLUMNS, 'ITAM CSV');
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield mapNativeRecord(next.value, columns);
    }
  }
  return {
    rows: rows(),
    fieldName: nativeCsvFieldName,
    ignoredColumns: () => (columns?.ignored ?? []).filter(c => !BOOKKEEPING.includes(c)),
  };
}

/** Reads the native JSON format: an array of objects shaped like the create-asset body. */
export function nativeJsonSource(items: AsyncIterable<JsonArrayItem>): MappedSource {
  async function* rows(): AsyncGenerator<MappedRow> {
    for await (const item of items) {
      if ('error' in item) yield { row: item.row, input: {}, issues: [{ field: 'item', message: item.error }] };
      else if (typeof item.value !== 'object' || item.value === null || Array.isArray(item.value)) {
        yield { row: item.row, input: {}, issues: [{ field: 'item', message: 'must be an asset object' }] };
      } else if (JSON.stringify(item.value).includes('\\u0000')) {
        // A NUL character cannot be stored as text (PostgreSQL refuses it).
        yield { row: item.row, input: {}, issues: [{ field: 'item', message: 'contains a NUL character (\\u0000)' }] };
      } else yield { row: item.row, input: item.value as Record<string, unknown>, issues: [] };
    }
  }
  return { rows: rows(), fieldName: path => path };
}
