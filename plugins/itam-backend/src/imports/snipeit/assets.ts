import {
  addMonthsToDate,
  parseAmount,
  parseDate,
  personLabel,
  userRefCandidates,
  type AssetClass,
  type DateFormat,
  type DecimalSeparator,
  type LifecycleStage,
} from '@itam/common';
import { mapColumns, widthIssue, type ColumnSpec } from '../csvColumns';
import { quote } from '../errors';
import type { CsvRecord } from '../readers';
import type { FieldNamer, MappedRow, MappedSource, PersonReference } from '../types';
import { inferDateFormats, type DateColumnFormat } from './dateColumns';

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
  | 'email'
  | 'fullName'
  | 'firstName'
  | 'lastName'
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
  { key: 'email', names: ['Checked Out To: Email', 'Checked Out To Email', 'Email'] },
  { key: 'fullName', names: ['Full Name', 'Checked Out To: Full Name'] },
  { key: 'firstName', names: ['Checked Out To: First Name', 'First Name'] },
  { key: 'lastName', names: ['Checked Out To: Last Name', 'Last Name'] },
  { key: 'checkoutLocation', names: ['Checked Out To: Location', 'Checkout Location'] },
];

/** The date columns of a Snipe-IT asset file, whose layout is inferred from all their cells. */
const DATE_COLUMNS: readonly SnipeItColumn[] = ['purchaseDate', 'warrantyExpires', 'eolDate'];

/** Snipe-IT's yes/no cells: `Yes`/`No` in its exports, `1`/`0` in its sample files. */
export function parseYesNo(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['1', 'yes', 'y', 'true'].includes(v)) return true;
  if (['0', 'no', 'n', 'false'].includes(v)) return false;
  return undefined;
}

/**
 * Snipe-IT status labels mapped to lifecycle stages. Snipe-IT's default labels: "Ready to
 * Deploy" (deployable, in stock), "Deployed" (shown for a checked-out deployable asset),
 * "Pending" (not deployable yet, typically out for repair and expected back), "Archived"
 * (kept for the record, out of use), and the common undeployable labels ("Undeployable", the
 * label type itself, reads as in maintenance: not usable until fixed).
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
  'pending diagnostics': 'maintenance',
  undeployable: 'maintenance',
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
  ['attributes.custodianName', 'username'],
  ['externalIds', 'id'],
];

/** How a Snipe-IT file's values are read. */
export interface SnipeItReadOptions {
  /** The Snipe-IT instance's currency (its CSVs carry none). */
  currency: string;
  /** The layout of numeric dates; inferred per column from all its cells when absent. */
  dateFormat?: DateFormat;
  decimalSeparator: DecimalSeparator;
  /** A hardware model's life in months, by model name, for assets with no end of life. */
  modelEolMonths?: (model: string) => number | undefined;
  stagingDir?: string;
}

/** What a Snipe-IT source also reports: the date layouts it used. */
export interface SnipeItSource extends MappedSource {
  dateFormats(): DateColumnFormat[];
}

/**
 * Reads a Snipe-IT asset export or import file: one asset per row, matched later by Snipe-IT id
 * (as external id `snipeit`), serial, then asset tag. Without a `dateFormat`, the layout of each
 * date column is inferred from all its cells first (the records wait in a staging file).
 */
export function snipeItSource(records: AsyncIterable<CsvRecord>, options: SnipeItReadOptions): SnipeItSource {
  let columns: ReturnType<typeof mapColumns<SnipeItColumn>> | undefined;
  let formats: DateColumnFormat[] = [];
  const fieldName: FieldNamer = path => {
    const hit = PATH_COLUMNS.find(([p]) => path === p || path.startsWith(`${p}.`));
    return hit && columns ? columns.header(hit[1]) : path;
  };
  async function* rows(): AsyncGenerator<MappedRow> {
    const iterator = records[Symbol.asyncIterator]();
    const first = await iterator.next();
    const map = mapColumns(first.done ? undefined : first.value, SNIPEIT_COLUMNS, 'Snipe-IT');
    columns = map;
    const rest: AsyncIterable<CsvRecord> = { [Symbol.asyncIterator]: () => iterator };
    const inferred = await inferDateFormats(rest, map, DATE_COLUMNS, options);
    formats = inferred.formats;
    const formatOf = new Map(formats.map(f => [f.key, f.format]));
    for await (const record of inferred.records) {
      yield mapSnipeItRecord(record, map, { ...options, formatOf: k => formatOf.get(k) ?? options.dateFormat ?? 'YYYY-MM-DD' });
    }
  }
  return {
    rows: rows(),
    fieldName,
    ignoredColumns: () => columns?.ignored ?? [],
    dateFormats: () => formats,
  };
}

/** Turns one Snipe-IT row into asset input, naming problems by the file's columns. */
export function mapSnipeItRecord(
  record: CsvRecord,
  columns: ReturnType<typeof mapColumns<SnipeItColumn>>,
  options: SnipeItReadOptions & { formatOf: (key: string) => DateFormat },
): MappedRow {
  const get = (key: SnipeItColumn) => columns.get(record.values, key);
  const issues: MappedRow['issues'] = [];
  const issue = (key: SnipeItColumn, message: string) => issues.push({ field: columns.header(key), message });
  const width = widthIssue(record, columns.width);
  if (width) return { row: record.row, input: {}, issues: [width] };
  const readDate = (key: SnipeItColumn): string | undefined => {
    const value = get(key);
    if (!value) return undefined;
    const parsed = parseDate(value, options.formatOf(key));
    if ('error' in parsed) {
      issue(key, `${quote(value)} ${parsed.error}`);
      return undefined;
    }
    return parsed.date;
  };

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

  const checkoutType = get('checkoutType')?.toLowerCase();
  const people: PersonReference[] = [];
  if (checkoutType !== 'location') {
    const username = get('username');
    const email = get('email');
    const fullName = get('fullName') ?? ([get('firstName'), get('lastName')].filter(Boolean).join(' ') || undefined);
    if (username || email || fullName) {
      people.push({
        field: 'owner',
        column: columns.header(username ? 'username' : email ? 'email' : columns.has('fullName') ? 'fullName' : 'firstName'),
        candidates: userRefCandidates({ username, email }),
        label: personLabel({ fullName, username, email }),
      });
    }
  }
  const location =
    checkoutType === 'location' ? get('checkoutLocation') ?? get('location') : get('location');
  if (location) input.location = location;

  const status = get('status');
  if (status) {
    const stage = snipeItStatusToStage(status);
    if (!stage) {
      issue(
        'status',
        `${quote(status)} is not a Snipe-IT status label the import knows (${Object.keys(SNIPEIT_STATUS_STAGES)
          .map(s => `"${s}"`)
          .join(', ')})`,
      );
    } else {
      // Snipe-IT shows a checked-out deployable asset as Deployed; resolved once the person is.
      input.lifecycleStage = stage;
    }
  }

  const purchase: Record<string, unknown> = {};
  const purchaseDate = readDate('purchaseDate');
  if (purchaseDate) purchase.date = purchaseDate;
  const cost = get('purchaseCost');
  if (cost) {
    const amount = parseAmount(cost, options.decimalSeparator);
    if ('error' in amount) issue('purchaseCost', `${quote(cost)} ${amount.error}`);
    else {
      purchase.cost = amount.value;
      purchase.currency = options.currency;
    }
  }
  const supplier = get('supplier');
  if (supplier) purchase.supplier = supplier;
  const orderNumber = get('orderNumber');
  if (orderNumber) purchase.orderNumber = orderNumber;
  if (Object.keys(purchase).length > 0) input.purchase = purchase;

  const warranty = get('warrantyMonths');
  if (warranty) {
    if (!/^\d{1,3}$/.test(warranty)) issue('warrantyMonths', `${quote(warranty)} is not a number of months`);
    else if (typeof purchase.date === 'string') input.warrantyEnd = addMonthsToDate(purchase.date, Number(warranty));
    else attributes.warrantyMonths = Number(warranty);
  }
  const warrantyExpires = readDate('warrantyExpires');
  if (warrantyExpires && input.warrantyEnd === undefined) input.warrantyEnd = warrantyExpires;
  const eol = readDate('eolDate');
  if (eol) input.endOfLife = eol;
  else if (model && typeof purchase.date === 'string') {
    const months = options.modelEolMonths?.(model);
    if (months !== undefined) input.endOfLife = addMonthsToDate(purchase.date, months);
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
    if (flag === undefined) issue(key, `${quote(value)} is not a yes/no value (Yes, No, 1 or 0)`);
    else attributes[key] = flag;
  }
  if (Object.keys(attributes).length > 0) input.attributes = attributes;
  return {
    row: record.row,
    input,
    issues,
    ...(people.length > 0 ? { people } : {}),
    ...(people.length > 0 && (input.lifecycleStage === 'in-stock' || input.lifecycleStage === undefined)
      ? { deployWithOwner: true }
      : {}),
  };
}
