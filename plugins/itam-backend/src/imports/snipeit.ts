import type { AssetClass, LifecycleStage } from '@itam/common';
import { mapColumns, widthIssue, type ColumnSpec } from './csvColumns';
import type { CsvRecord } from './readers';
import type { FieldNamer, MappedRow, MappedSource } from './types';

type SnipeItColumn =
  | 'id'
  | 'assetTag'
  | 'name'
  | 'serial'
  | 'model'
  | 'modelNumber'
  | 'category'
  | 'manufacturer'
  | 'status'
  | 'location'
  | 'company'
  | 'purchaseDate'
  | 'purchaseCost'
  | 'orderNumber'
  | 'supplier'
  | 'warrantyMonths'
  | 'warrantyExpires'
  | 'eolDate'
  | 'notes'
  | 'requestable'
  | 'byod'
  | 'checkoutType'
  | 'username'
  | 'checkoutLocation';

/**
 * Snipe-IT's asset import columns (its importer's field names and aliases, as in its sample
 * CSV and its own exports). Matching ignores case, like Snipe-IT's importer.
 */
export const SNIPEIT_COLUMNS: readonly ColumnSpec<SnipeItColumn>[] = [
  { key: 'id', names: ['ID'] },
  { key: 'assetTag', names: ['Asset Tag'], required: true },
  { key: 'name', names: ['Asset Name', 'Name', 'Item Name'] },
  { key: 'serial', names: ['Serial Number', 'Serial', 'Serial No.', 'Serial No'] },
  { key: 'model', names: ['Model Name', 'Model'] },
  { key: 'modelNumber', names: ['Model Number', 'Model No.', 'Model No', 'Model Num'] },
  { key: 'category', names: ['Category'], required: true },
  { key: 'manufacturer', names: ['Manufacturer'] },
  { key: 'status', names: ['Status', 'Status Label'] },
  { key: 'location', names: ['Location', 'Default Location'] },
  { key: 'company', names: ['Company'] },
  { key: 'purchaseDate', names: ['Purchase Date'] },
  { key: 'purchaseCost', names: ['Purchase Cost', 'Cost'] },
  { key: 'orderNumber', names: ['Order Number'] },
  { key: 'supplier', names: ['Supplier'] },
  { key: 'warrantyMonths', names: ['Warranty (months)', 'Warranty Months', 'Warranty'] },
  { key: 'warrantyExpires', names: ['Warranty Expires'] },
  { key: 'eolDate', names: ['EOL Date', 'Asset EOL Date'] },
  { key: 'notes', names: ['Notes', 'Asset Notes'] },
  { key: 'requestable', names: ['Requestable'] },
  { key: 'byod', names: ['BYOD'] },
  { key: 'checkoutType', names: ['Checkout Type'] },
  {
    key: 'username',
    names: ['Checked Out To: Username', 'Checked Out To Username', 'Username', 'User Name'],
  },
  { key: 'checkoutLocation', names: ['Checked Out To: Location', 'Checkout Location'] },
];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads a date as Snipe-IT writes it: `2023-01-23` (its import format and default display
 * format), with a time after it (`2023-01-23 12:00 AM`, `2023-01-23T10:00:00Z`), `2023/01/23`,
 * `Jan 23, 2023`, `Mon Jan 23, 2023` or `23 January 2023`. Returns `YYYY-MM-DD`, or an error
 * message. Numeric day/month orders (`01/02/2023`) are ambiguous and refused.
 */
export function parseSnipeItDate(value: string): { date: string } | { error: string } {
  const v = value.trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T].*)?$/.exec(v);
  if (m) return { date: `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` };
  m = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s.*)?$/.exec(v);
  if (m && MONTHS.includes(m[1].slice(0, 3).toLowerCase())) {
    return { date: `${m[3]}-${pad(MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1)}-${pad(Number(m[2]))}` };
  }
  m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?:\s.*)?$/.exec(v);
  if (m && MONTHS.includes(m[2].slice(0, 3).toLowerCase())) {
    return { date: `${m[3]}-${pad(MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1)}-${pad(Number(m[1]))}` };
  }
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(v)) {
    return { error: `"${value}" is ambiguous (day and month order); write the date as YYYY-MM-DD` };
  }
  return { error: `"${value}" is not a date; write it as YYYY-MM-DD` };
}

/** Snipe-IT's yes/no cells: `Yes`/`No` in its exports, `1`/`0` in its sample files. */
export function parseYesNo(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['1', 'yes', 'y', 'true'].includes(v)) return true;
  if (['0', 'no', 'n', 'false'].includes(v)) return false;
  return undefined;
}

/** A cost as Snipe-IT writes it: `1299.99`, `1,299.99`, optionally with a currency symbol. */
export function parseCost(value: string): number | undefined {
  const v = value.trim().replace(/^[^\d.-]+/, '').replace(/,(?=\d{3}(?:\D|$))/g, '');
  return /^\d+(?:\.\d+)?$/.test(v) ? Number(v) : undefined;
}

/** Adds calendar months to a `YYYY-MM-DD` date, clamping to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/**
 * Snipe-IT status labels mapped to lifecycle stages. Snipe-IT's default labels: "Ready to
 * Deploy" (deployable, in stock), "Deployed" (shown for a checked-out deployable asset),
 * "Pending" (not deployable yet, typically out for repair and expected back), "Archived"
 * (kept for the record, out of use), and the common undeployable labels.
 */
export const SNIPEIT_STATUS_STAGES: Record<string, LifecycleStage> = {
  'ready to deploy': 'in-stock',
  deployable: 'in-stock',
  'in stock': 'in-stock',
  deployed: 'deployed',
  pending: 'maintenance',
  'out for repair': 'maintenance',
  'out for diagnostics': 'maintenance',
  broken: 'maintenance',
  'broken/out for repair': 'maintenance',
  'broken - out for repair': 'maintenance',
  'in repair': 'maintenance',
  ordered: 'ordered',
  'on order': 'ordered',
  archived: 'retired',
  'broken - not fixable': 'retired',
  'lost/stolen': 'retired',
  lost: 'retired',
  stolen: 'retired',
  retired: 'retired',
  disposed: 'disposed',
  recycled: 'disposed',
};

/** The lifecycle stage of a Snipe-IT status label, or undefined for a label it does not know. */
export function snipeItStatusToStage(status: string): LifecycleStage | undefined {
  return SNIPEIT_STATUS_STAGES[status.trim().replace(/\s+/g, ' ').toLowerCase()];
}

const CATEGORY_RULES: [RegExp, AssetClass, string][] = [
  [/laptop|notebook|macbook|chromebook/i, 'hardware', 'laptop'],
  [/desktop|workstation|\bpcs?\b|computer/i, 'hardware', 'desktop'],
  [/server/i, 'hardware', 'server'],
  [/monitor|display|screen/i, 'hardware', 'monitor'],
  [/tablet|ipad/i, 'hardware', 'tablet'],
  [/phone|mobile|smartphone/i, 'hardware', 'mobile-phone'],
  [/printer|scanner|copier/i, 'hardware', 'printer'],
  [/switch|router|firewall|network|access point|wi-?fi/i, 'hardware', 'network-device'],
  [/saas|subscription/i, 'service', 'saas-subscription'],
  [/licen[cs]e|software/i, 'software', 'software'],
];

/**
 * Our class and type for a Snipe-IT category. Snipe-IT assets are physical items, so a category
 * the rules do not recognise stays hardware, typed by its own name in kebab-case.
 */
export function snipeItCategoryToClassType(category: string): { assetClass: AssetClass; type: string } {
  for (const [pattern, assetClass, type] of CATEGORY_RULES) {
    if (pattern.test(category)) return { assetClass, type };
  }
  const type = category
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return { assetClass: 'hardware', type: type || 'other' };
}

/** The schema paths a Snipe-IT column fills, to name validation errors by column. */
const PATH_COLUMNS: [string, SnipeItColumn][] = [
  ['tag', 'assetTag'],
  ['name', 'name'],
  ['serialNumber', 'serial'],
  ['assetClass', 'category'],
  ['type', 'category'],
  ['lifecycleStage', 'status'],
  ['location', 'location'],
  ['purchase.date', 'purchaseDate'],
  ['purchase.cost', 'purchaseCost'],
  ['purchase.currency', 'purchaseCost'],
  ['purchase.supplier', 'supplier'],
  ['purchase.orderNumber', 'orderNumber'],
  ['warrantyEnd', 'warrantyMonths'],
  ['endOfLife', 'eolDate'],
  ['description', 'notes'],
  ['owner', 'username'],
  ['externalIds', 'id'],
];

/**
 * Reads a Snipe-IT asset export or import file: one asset per row, matched later by Snipe-IT id
 * (as external id `snipeit`), serial, then asset tag. `currency` is the Snipe-IT instance's
 * currency (its CSVs carry none).
 */
export function snipeItSource(records: AsyncIterable<CsvRecord>, options: { currency: string }): MappedSource {
  let columns: ReturnType<typeof mapColumns<SnipeItColumn>> | undefined;
  const fieldName: FieldNamer = path => {
    const hit = PATH_COLUMNS.find(([p]) => path === p || path.startsWith(`${p}.`));
    return hit && columns ? columns.header(hit[1]) : path;
  };
  async function* rows(): AsyncGenerator<MappedRow> {
    const iterator = records[Symbol.asyncIterator]();
    const first = await iterator.next();
    columns = mapColumns(first.done ? undefined : first.value, SNIPEIT_COLUMNS, 'Snipe-IT');
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield mapSnipeItRecord(next.value, columns, options.currency);
    }
  }
  return { rows: rows(), fieldName, ignoredColumns: () => columns?.ignored ?? [] };
}

/** Turns one Snipe-IT row into asset input, naming problems by the file's columns. */
export function mapSnipeItRecord(
  record: CsvRecord,
  columns: ReturnType<typeof mapColumns<SnipeItColumn>>,
  currency: string,
): MappedRow {
  const get = (key: SnipeItColumn) => columns.get(record.values, key);
  const issues: MappedRow['issues'] = [];
  const issue = (key: SnipeItColumn, message: string) => issues.push({ field: columns.header(key), message });
  const width = widthIssue(record, columns.width);
  if (width) return { row: record.row, input: {}, issues: [width] };

  const input: Record<string, unknown> = {};
  const attributes: Record<string, string | number | boolean> = {};
  const tag = get('assetTag');
  if (!tag) issue('assetTag', 'is required (the register identifies assets by tag)');
  else input.tag = tag;
  const model = get('model');
  input.name = get('name') ?? model ?? tag;

  const category = get('category');
  if (category) {
    Object.assign(input, snipeItCategoryToClassType(category));
    attributes.category = category;
  } else issue('category', 'is required to classify the asset');

  const serial = get('serial');
  if (serial) input.serialNumber = serial;
  const id = get('id');
  if (id) input.externalIds = [{ source: 'snipeit', sourceId: id }];

  const username = get('username');
  const checkoutType = get('checkoutType')?.toLowerCase();
  if (username && checkoutType !== 'location') input.owner = `user:default/${username}`;
  const location =
    checkoutType === 'location' ? get('checkoutLocation') ?? get('location') : get('location');
  if (location) input.location = location;

  const status = get('status');
  if (status) {
    const stage = snipeItStatusToStage(status);
    if (!stage) {
      issue(
        'status',
        `"${status}" is not a Snipe-IT status label the import knows (${Object.keys(SNIPEIT_STATUS_STAGES)
          .map(s => `"${s}"`)
          .join(', ')})`,
      );
    } else {
      // Snipe-IT shows a checked-out deployable asset as Deployed.
      input.lifecycleStage = stage === 'in-stock' && input.owner ? 'deployed' : stage;
    }
  } else if (input.owner) input.lifecycleStage = 'deployed';

  const purchase: Record<string, unknown> = {};
  const purchaseDate = get('purchaseDate');
  if (purchaseDate) {
    const parsed = parseSnipeItDate(purchaseDate);
    if ('error' in parsed) issue('purchaseDate', parsed.error);
    else purchase.date = parsed.date;
  }
  const cost = get('purchaseCost');
  if (cost) {
    const amount = parseCost(cost);
    if (amount === undefined) issue('purchaseCost', `"${cost}" is not an amount, e.g. 1299.99`);
    else {
      purchase.cost = amount;
      purchase.currency = currency;
    }
  }
  const supplier = get('supplier');
  if (supplier) purchase.supplier = supplier;
  const orderNumber = get('orderNumber');
  if (orderNumber) purchase.orderNumber = orderNumber;
  if (Object.keys(purchase).length > 0) input.purchase = purchase;

  const warranty = get('warrantyMonths');
  if (warranty) {
    if (!/^\d{1,3}$/.test(warranty)) issue('warrantyMonths', `"${warranty}" is not a number of months`);
    else if (typeof purchase.date === 'string') input.warrantyEnd = addMonths(purchase.date, Number(warranty));
    else attributes.warrantyMonths = Number(warranty);
  }
  const warrantyExpires = get('warrantyExpires');
  if (warrantyExpires && input.warrantyEnd === undefined) {
    const parsed = parseSnipeItDate(warrantyExpires);
    if ('error' in parsed) issue('warrantyExpires', parsed.error);
    else input.warrantyEnd = parsed.date;
  }
  const eol = get('eolDate');
  if (eol) {
    const parsed = parseSnipeItDate(eol);
    if ('error' in parsed) issue('eolDate', parsed.error);
    else input.endOfLife = parsed.date;
  }
  const notes = get('notes');
  if (notes) input.description = notes;

  for (const [key, attribute] of [
    ['model', 'model'],
    ['modelNumber', 'modelNumber'],
    ['manufacturer', 'manufacturer'],
    ['company', 'company'],
  ] as const) {
    const value = get(key);
    if (value) attributes[attribute] = value;
  }
  for (const key of ['requestable', 'byod'] as const) {
    const value = get(key);
    if (value === undefined) continue;
    const flag = parseYesNo(value);
    if (flag === undefined) issue(key, `"${value}" is not a yes/no value (Yes, No, 1 or 0)`);
    else attributes[key] = flag;
  }
  if (Object.keys(attributes).length > 0) input.attributes = attributes;
  return { row: record.row, input, issues };
}
