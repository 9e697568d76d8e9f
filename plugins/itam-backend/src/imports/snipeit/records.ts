import {
  divideAmount,
  parseAmount,
  parseDate,
  personLabel,
  userRefCandidates,
  type DateFormat,
  type DecimalSeparator,
  type Entitlement,
  type ProductInput,
} from '@itam/common';
import { createHash } from 'node:crypto';
import { mapColumns, widthIssue, type ColumnMap, type ColumnSpec } from '../csvColumns';
import { ImportFileError, quote } from '../errors';
import type { CsvRecord } from '../readers';
import type { PersonReference } from '../types';
import { parseYesNo } from './assets';
import { inferDateFormats, type DateColumnFormat } from './dateColumns';
import type { HardwareModel } from './models';

/** The most rows a file of records (licences, models, users, locations) may have: they are held whole. */
export const MAX_RECORD_ROWS = 100_000;

/** One row of a records file, mapped. */
export type RecordRow = {
  row: number;
  issues: { field: string; message: string }[];
  warnings?: { field: string; message: string }[];
  people?: PersonReference[];
} & (
  | { kind: 'licence'; product?: ProductInput; entitlement?: Entitlement }
  | { kind: 'model'; model?: HardwareModel }
  | { kind: 'user'; label?: string }
  | { kind: 'location'; name?: string }
);

/** A Snipe-IT file of records other than assets. */
export interface RecordSource {
  kind: 'licenses' | 'models' | 'users' | 'locations';
  rows: AsyncIterable<RecordRow>;
  ignoredColumns(): string[];
  dateFormats(): DateColumnFormat[];
}

type LicenceColumn =
  | 'name' | 'serial' | 'manufacturer' | 'purchaseDate' | 'purchaseCost' | 'seatCost' | 'purchaseOrder'
  | 'orderNumber' | 'expirationDate' | 'maintained' | 'reassignable' | 'seats' | 'supplier' | 'username'
  | 'email' | 'fullName' | 'category' | 'notes';

/** Snipe-IT's licence import columns (its LicenseImporter's fields and their aliases). */
const LICENCE_COLUMNS: readonly ColumnSpec<LicenceColumn>[] = [
  { key: 'name', names: ['Item Name', 'Name', 'License Name', 'Licence Name', 'Software Name'], required: true },
  { key: 'serial', names: ['Serial Number', 'Serial', 'Product Key', 'License Key'] },
  { key: 'manufacturer', names: ['Manufacturer', 'Publisher'] },
  { key: 'category', names: ['Category'] },
  { key: 'purchaseDate', names: ['Purchase Date'] },
  { key: 'purchaseCost', names: ['Purchase Cost', 'Cost'] },
  { key: 'seatCost', names: ['Cost Per Seat', 'Seat Cost', 'Purchase Cost Per Seat', 'Unit Cost'] },
  { key: 'purchaseOrder', names: ['Purchase Order'] },
  { key: 'orderNumber', names: ['Order Number'] },
  { key: 'expirationDate', names: ['Expiration Date', 'Expires'] },
  { key: 'maintained', names: ['Maintained'] },
  { key: 'reassignable', names: ['Reassignable'] },
  { key: 'seats', names: ['Seats', 'Quantity'], required: true },
  { key: 'supplier', names: ['Supplier'] },
  { key: 'username', names: ['Username', 'Checked Out To: Username'] },
  { key: 'email', names: ['Email', 'Checked Out To: Email'] },
  { key: 'fullName', names: ['Full Name', 'Checked Out To: Full Name'] },
  { key: 'notes', names: ['Notes'] },
];

type ModelColumn = 'name' | 'manufacturer' | 'category' | 'modelNumber' | 'eol' | 'notes' | 'requestable';
const MODEL_COLUMNS: readonly ColumnSpec<ModelColumn>[] = [
  { key: 'name', names: ['Name', 'Model Name', 'Model'], required: true },
  { key: 'manufacturer', names: ['Manufacturer'] },
  { key: 'category', names: ['Category'] },
  { key: 'modelNumber', names: ['Model Number', 'Model No.', 'Model No'] },
  { key: 'eol', names: ['EOL', 'EOL (months)', 'EOL Months'] },
  { key: 'notes', names: ['Model Notes', 'Notes'] },
  { key: 'requestable', names: ['Requestable'] },
];

type UserColumn = 'username' | 'email' | 'firstName' | 'lastName';
const USER_COLUMNS: readonly ColumnSpec<UserColumn>[] = [
  { key: 'username', names: ['Username', 'User Name'] },
  { key: 'email', names: ['Email'] },
  { key: 'firstName', names: ['First Name'] },
  { key: 'lastName', names: ['Last Name'] },
];

type LocationColumn = 'name';
const LOCATION_COLUMNS: readonly ColumnSpec<LocationColumn>[] = [{ key: 'name', names: ['Name', 'Location'], required: true }];

/** Lower-case letters, digits and dashes: ids made from names. */
export function slug(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'unnamed';
}

const UNKNOWN_PUBLISHER = 'Unknown publisher';

interface ReadOptions {
  currency: string;
  dateFormat?: DateFormat;
  decimalSeparator: DecimalSeparator;
  stagingDir?: string;
}

/**
 * Maps a Snipe-IT licence row: the software (publisher = manufacturer, product = item name) as a
 * product under management, the licence as a `per-user` entitlement of `Seats` rights (Snipe-IT
 * checks seats out to people), identified by a digest of name and serial (the licence key is not
 * stored: the register is not a secret store). `Purchase Cost` is what the licence cost, all its
 * seats together (Snipe-IT's licence field): kept as the purchase cost, and divided exactly by the
 * seats for the unit cost; a `Cost Per Seat` column is the unit cost itself. The person in
 * `Username`/`Email` holds a seat: a user assignment of the product.
 */
function mapLicence(
  record: CsvRecord,
  columns: ColumnMap<LicenceColumn>,
  options: ReadOptions,
  formatOf: (key: string) => DateFormat,
): RecordRow {
  const get = (key: LicenceColumn) => columns.get(record.values, key);
  const issues: RecordRow['issues'] = [];
  const warnings: { field: string; message: string }[] = [];
  const issue = (key: LicenceColumn, message: string) => issues.push({ field: columns.header(key), message });
  const width = widthIssue(record, columns.width);
  if (width) return { kind: 'licence', row: record.row, issues: [width] };
  const date = (key: LicenceColumn) => {
    const value = get(key);
    if (!value) return undefined;
    const parsed = parseDate(value, formatOf(key));
    if ('error' in parsed) issue(key, `${quote(value)} ${parsed.error}`);
    return 'date' in parsed ? parsed.date : undefined;
  };
  const flag = (key: LicenceColumn) => {
    const value = get(key);
    if (value === undefined) return undefined;
    const f = parseYesNo(value);
    if (f === undefined) issue(key, `${quote(value)} is not a yes/no value (true, false, yes, no, 1 or 0)`);
    return f;
  };
  const name = get('name');
  if (!name) issue('name', 'is required (the software the licence is for)');
  const seatsText = get('seats');
  let seats: number | undefined;
  if (!seatsText) issue('seats', 'is required (how many rights the licence grants)');
  else if (!/^\d{1,9}$/.test(seatsText)) issue('seats', `${quote(seatsText)} is not a whole number of seats`);
  else seats = Number(seatsText);
  let publisher = get('manufacturer');
  if (!publisher) {
    publisher = UNKNOWN_PUBLISHER;
    warnings.push({ field: columns.header('manufacturer'), message: `is empty: the product's publisher is "${UNKNOWN_PUBLISHER}"` });
  }
  const termStart = date('purchaseDate');
  const termEnd = date('expirationDate');
  const maintained = flag('maintained');
  const reassignable = flag('reassignable');
  let unitCost: number | undefined;
  let totalCost: number | undefined;
  const seatCost = get('seatCost');
  const cost = get('purchaseCost');
  if (seatCost) {
    const amount = parseAmount(seatCost, options.decimalSeparator);
    if ('error' in amount) issue('seatCost', `${quote(seatCost)} ${amount.error}`);
    else unitCost = amount.value;
  }
  if (cost) {
    const amount = parseAmount(cost, options.decimalSeparator);
    if ('error' in amount) issue('purchaseCost', `${quote(cost)} ${amount.error}`);
    else {
      totalCost = amount.value;
      if (unitCost === undefined && seats !== undefined && seats > 0) unitCost = divideAmount(amount.exact, seats);
    }
  }
  if (!name || issues.length > 0) return { kind: 'licence', row: record.row, issues, warnings };
  const serial = get('serial') ?? '';
  const product: ProductInput = {
    id: `snipeit-${slug(publisher)}-${slug(name)}`,
    publisher: publisher.slice(0, 200),
    name: name.slice(0, 200),
    underManagement: true,
  };
  const orderNumber = get('orderNumber') ?? get('purchaseOrder');
  const supplier = get('supplier');
  const purchase = {
    ...(termStart ? { date: termStart } : {}),
    ...(totalCost !== undefined ? { cost: totalCost, currency: options.currency } : {}),
    ...(supplier ? { supplier: supplier.slice(0, 200) } : {}),
    ...(orderNumber ? { orderNumber: orderNumber.slice(0, 100) } : {}),
  };
  const entitlement: Entitlement = {
    id: `snipeit-${createHash('sha256').update(`${name}\u0000${serial}`).digest('hex').slice(0, 24)}`,
    productId: product.id,
    metric: 'per-user',
    quantity: seats,
    ...(termStart ? { termStart } : {}),
    ...(termEnd && (!termStart || termEnd >= termStart) ? { termEnd } : {}),
    ...(unitCost !== undefined ? { unitCost, currency: options.currency } : {}),
    ...(Object.keys(purchase).length > 0 ? { purchase } : {}),
    ...(maintained !== undefined ? { maintained } : {}),
    ...(reassignable !== undefined ? { reassignable } : {}),
  };
  if (termEnd && termStart && termEnd < termStart) {
    warnings.push({
      field: columns.header('expirationDate'),
      message: `${termEnd} is before the purchase date ${termStart}: the licence is kept without an end date`,
    });
  }
  const username = get('username');
  const email = get('email');
  const fullName = get('fullName');
  const people: PersonReference[] =
    username || email
      ? [
          {
            field: 'owner',
            column: columns.header(username ? 'username' : 'email'),
            candidates: userRefCandidates({ username, email }),
            label: personLabel({ fullName, username, email }),
          },
        ]
      : [];
  return { kind: 'licence', row: record.row, issues, warnings, people, product, entitlement };
}

/** Maps a Snipe-IT model row: name, manufacturer, category, model number and EOL in months. */
function mapModel(record: CsvRecord, columns: ColumnMap<ModelColumn>): RecordRow {
  const get = (key: ModelColumn) => columns.get(record.values, key);
  const issues: RecordRow['issues'] = [];
  const width = widthIssue(record, columns.width);
  if (width) return { kind: 'model', row: record.row, issues: [width] };
  const name = get('name');
  if (!name) issues.push({ field: columns.header('name'), message: 'is required' });
  const eol = get('eol');
  let eolMonths: number | undefined;
  if (eol) {
    const m = /^(\d{1,4})(?:\s*months?)?$/i.exec(eol);
    if (!m || Number(m[1]) > 1200) issues.push({ field: columns.header('eol'), message: `${quote(eol)} is not a number of months (0 to 1200)` });
    else eolMonths = Number(m[1]);
  }
  const requestableText = get('requestable');
  const requestable = requestableText === undefined ? undefined : parseYesNo(requestableText);
  if (!name || issues.length > 0) return { kind: 'model', row: record.row, issues };
  const manufacturer = get('manufacturer');
  const model: HardwareModel = {
    id: `snipeit-${slug(manufacturer ?? 'any')}-${slug(name)}`,
    name: name.slice(0, 200),
    ...(manufacturer ? { manufacturer: manufacturer.slice(0, 200) } : {}),
    ...(get('modelNumber') ? { modelNumber: get('modelNumber')!.slice(0, 100) } : {}),
    ...(get('category') ? { category: get('category')!.slice(0, 200) } : {}),
    ...(eolMonths !== undefined ? { eolMonths } : {}),
    ...(get('notes') ? { notes: get('notes')!.slice(0, 2000) } : {}),
    ...(requestable !== undefined ? { requestable } : {}),
  };
  return { kind: 'model', row: record.row, issues, model };
}

function mapUser(record: CsvRecord, columns: ColumnMap<UserColumn>): RecordRow {
  const get = (key: UserColumn) => columns.get(record.values, key);
  const username = get('username');
  const email = get('email');
  const fullName = [get('firstName'), get('lastName')].filter(Boolean).join(' ') || undefined;
  const label = personLabel({ fullName, username, email });
  if (!username && !email) {
    return { kind: 'user', row: record.row, issues: [{ field: columns.header('username'), message: 'a username or an e-mail address is required to find the person in the catalogue' }] };
  }
  return {
    kind: 'user',
    row: record.row,
    issues: [],
    label,
    people: [{ field: 'owner', column: columns.header(username ? 'username' : 'email'), candidates: userRefCandidates({ username, email }), label }],
  };
}

function mapLocation(record: CsvRecord, columns: ColumnMap<LocationColumn>): RecordRow {
  const name = columns.get(record.values, 'name');
  if (!name) return { kind: 'location', row: record.row, issues: [{ field: columns.header('name'), message: 'is required' }] };
  return { kind: 'location', row: record.row, issues: [], name: name.slice(0, 200) };
}

/** Opens a Snipe-IT file of licences, models, users or locations. */
export function openSnipeItRecords(
  kind: RecordSource['kind'],
  records: AsyncIterable<CsvRecord>,
  options: ReadOptions,
): RecordSource {
  let ignored: string[] = [];
  let formats: DateColumnFormat[] = [];
  async function* rows(): AsyncGenerator<RecordRow> {
    const iterator = records[Symbol.asyncIterator]();
    const first = await iterator.next();
    const header = first.done ? undefined : first.value;
    const rest: AsyncIterable<CsvRecord> = { [Symbol.asyncIterator]: () => iterator };
    let count = 0;
    const counted = async function* (source: AsyncIterable<CsvRecord>) {
      for await (const r of source) {
        if (++count > MAX_RECORD_ROWS) {
          throw new ImportFileError(`A Snipe-IT ${kind} file may have at most ${MAX_RECORD_ROWS} rows`, 'file', 413);
        }
        yield r;
      }
    };
    if (kind === 'licenses') {
      const columns = mapColumns(header, LICENCE_COLUMNS, 'Snipe-IT licenses');
      ignored = columns.ignored;
      const inferred = await inferDateFormats(counted(rest), columns, ['purchaseDate', 'expirationDate'], options);
      formats = inferred.formats;
      const formatOf = new Map(formats.map(f => [f.key, f.format]));
      for await (const r of inferred.records) {
        yield mapLicence(r, columns, options, k => formatOf.get(k) ?? options.dateFormat ?? 'YYYY-MM-DD');
      }
    } else if (kind === 'models') {
      const columns = mapColumns(header, MODEL_COLUMNS, 'Snipe-IT models');
      ignored = columns.ignored;
      for await (const r of counted(rest)) yield mapModel(r, columns);
    } else if (kind === 'users') {
      const columns = mapColumns(header, USER_COLUMNS, 'Snipe-IT users');
      if (!columns.has('username') && !columns.has('email')) {
        throw new ImportFileError('The Snipe-IT users file needs a "Username" or an "Email" column to find people in the catalogue', 'Username');
      }
      ignored = columns.ignored;
      for await (const r of counted(rest)) yield mapUser(r, columns);
    } else {
      const columns = mapColumns(header, LOCATION_COLUMNS, 'Snipe-IT locations');
      ignored = columns.ignored;
      for await (const r of counted(rest)) yield mapLocation(r, columns);
    }
  }
  return { kind, rows: rows(), ignoredColumns: () => ignored, dateFormats: () => formats };
}
