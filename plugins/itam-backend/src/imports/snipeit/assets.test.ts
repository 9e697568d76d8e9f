import { mapColumns } from '../csvColumns';
import { ImportFileError } from '../errors';
import {
  mapSnipeItRecord,
  parseYesNo,
  SNIPEIT_COLUMNS,
  snipeItCategoryToClassType,
  snipeItStatusToStage,
} from './assets';
import { detectSnipeItKind } from './detectKind';

describe('Snipe-IT values', () => {
  it('reads yes/no values as Snipe-IT writes them', () => {
    expect(['Yes', 'yes', '1', 'true', 'Y'].map(parseYesNo)).toEqual([true, true, true, true, true]);
    expect(['No', '0', 'false', 'n'].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo('Maybe')).toBeUndefined();
  });

  it('maps status labels to lifecycle stages', () => {
    expect(snipeItStatusToStage('Ready to Deploy')).toBe('in-stock');
    expect(snipeItStatusToStage('Deployed')).toBe('deployed');
    expect(snipeItStatusToStage('Pending')).toBe('maintenance');
    expect(snipeItStatusToStage('Archived')).toBe('retired');
    expect(snipeItStatusToStage('Broken/Out for Repair')).toBe('maintenance');
    expect(snipeItStatusToStage('  lost/STOLEN ')).toBe('retired');
    expect(snipeItStatusToStage('Quarantined')).toBeUndefined();
  });

  it('maps categories to a class and type, kebab-casing the unknown ones', () => {
    expect(snipeItCategoryToClassType('Laptops')).toEqual({ assetClass: 'hardware', type: 'laptop' });
    expect(snipeItCategoryToClassType('Mobile Phones')).toEqual({ assetClass: 'hardware', type: 'mobile-phone' });
    expect(snipeItCategoryToClassType('Software Licenses')).toEqual({ assetClass: 'software', type: 'software' });
    expect(snipeItCategoryToClassType('Doors, Frames & Hardware')).toEqual({ assetClass: 'hardware', type: 'doors-frames-and-hardware' });
    expect(snipeItCategoryToClassType('Électronique')).toEqual({ assetClass: 'hardware', type: 'electronique' });
    expect(snipeItCategoryToClassType('***')).toEqual({ assetClass: 'hardware', type: 'other' });
  });
});

describe('Snipe-IT rows', () => {
  const header = (...names: string[]) => mapColumns({ row: 1, values: names }, SNIPEIT_COLUMNS, 'Snipe-IT');

  it('matches columns case-insensitively by their Snipe-IT names and aliases', () => {
    const columns = header('asset tag', 'Item Name', 'SERIAL', 'Category', 'Warranty Months', 'Colour');
    expect(columns.header('assetTag')).toBe('asset tag');
    expect(columns.has('warrantyMonths')).toBe(true);
    expect(columns.ignored).toEqual(['Colour']);
  });

  it('names every missing required column', () => {
    expect(() => header('Name', 'Serial')).toThrow(ImportFileError);
    expect(() => header('Name', 'Serial')).toThrow(/missing required columns "Asset Tag", "Category"/);
  });

  it('maps a row checked out to a location, with its Snipe-IT id as external id', () => {
    const columns = header('ID', 'Asset Tag', 'Model', 'Category', 'Status', 'Location', 'Checkout Type', 'Checked Out To: Location', 'Warranty', 'EOL Date');
    const row = mapSnipeItRecord(
      { row: 7, values: ['412', 'LAB-1', 'Optiplex 7010', 'Desktops', 'Deployed', 'HQ', 'Location', 'Lab 2', '12', '2030-01-01'] },
      columns,
      { currency: 'EUR', decimalSeparator: '.', formatOf: () => 'YYYY-MM-DD' },
    );
    expect(row).toEqual({
      row: 7,
      issues: [],
      input: {
        tag: 'LAB-1',
        name: 'Optiplex 7010',
        assetClass: 'hardware',
        type: 'desktop',
        externalIds: [{ source: 'snipeit', sourceId: '412' }],
        location: 'Lab 2',
        lifecycleStage: 'deployed',
        endOfLife: '2030-01-01',
        attributes: { category: 'Desktops', model: 'Optiplex 7010', warrantyMonths: 12 },
      },
    });
  });

  it('refuses a row whose field count differs from the header', () => {
    const columns = header('Asset Tag', 'Category');
    expect(mapSnipeItRecord({ row: 3, values: ['A'] }, columns, { currency: 'USD', decimalSeparator: '.', formatOf: () => 'YYYY-MM-DD' }).issues).toEqual([
      { field: 'row', message: 'has 1 fields but the header has 2' },
    ]);
  });
});

describe('Snipe-IT rows with people, costs and model lives', () => {
  const columns = mapColumns(
    { row: 1, values: ['Asset Tag', 'Category', 'Model', 'Status', 'Purchase Date', 'Purchase Cost', 'Checked Out To: Username', 'Checked Out To: Email', 'Full Name'] },
    SNIPEIT_COLUMNS,
    'Snipe-IT',
  );
  const map = (values: string[], options: Partial<Parameters<typeof mapSnipeItRecord>[2]> = {}) =>
    mapSnipeItRecord({ row: 2, values }, columns, {
      currency: 'EUR',
      decimalSeparator: ',',
      formatOf: () => 'DD/MM/YYYY',
      ...options,
    });

  it('names the person to resolve by the people rule, and deploys only once they are the owner', () => {
    const row = map(['A-1', 'Laptops', 'X1', 'Ready to Deploy', '23/01/2023', '1.299,00 €', 'JDoe', 'john.doe@example.com', 'John Doe']);
    expect(row.issues).toEqual([]);
    expect(row.people).toEqual([
      { field: 'owner', column: 'Checked Out To: Username', candidates: ['user:default/jdoe', 'user:default/john.doe'], label: 'John Doe' },
    ]);
    expect(row.deployWithOwner).toBe(true);
    expect(row.input).toMatchObject({ lifecycleStage: 'in-stock', purchase: { date: '2023-01-23', cost: 1299, currency: 'EUR' } });
  });

  it('gives an asset of a model with a life its end of life from the purchase date', () => {
    const row = map(['A-2', 'Laptops', 'X1', '', '31/01/2023', '', '', '', ''], { modelEolMonths: m => (m === 'X1' ? 36 : undefined) });
    expect(row.input.endOfLife).toBe('2026-01-31');
  });

  it('names the column and the value of a date or cost it cannot read', () => {
    const row = map(['A-3', 'Laptops', '', '', '2023-02-30', '12.50', '', '', '']);
    expect(row.issues).toEqual([
      { field: 'Purchase Date', message: expect.stringMatching(/^"2023-02-30" is not a date/) },
      { field: 'Purchase Cost', message: expect.stringMatching(/^"12.50" is not an amount with "," as decimal separator/) },
    ]);
  });
});

describe('detectSnipeItKind', () => {
  it('tells each Snipe-IT sample header apart', () => {
    expect(detectSnipeItKind(['Company', 'Name', 'Asset Tag', 'Category'])).toBe('assets');
    expect(detectSnipeItKind(['Full Name', 'Item name', 'serial number', 'seats'])).toBe('licenses');
    expect(detectSnipeItKind(['Name', 'Category', 'Manufacturer', 'Model Notes', 'Model Number', 'Fieldset', 'EOL'])).toBe('models');
    expect(detectSnipeItKind(['First Name', 'Last Name', 'Email', 'Username', 'Address', 'City'])).toBe('users');
    expect(detectSnipeItKind(['name', 'address', 'city', 'zip'])).toBe('locations');
    expect(detectSnipeItKind(['Company', 'Name', 'QTY', 'Min Amount'])).toBe('accessories');
    expect(detectSnipeItKind(['Company', 'Name', 'QTY', 'Min Amount', 'Item Number'])).toBe('consumables');
    expect(detectSnipeItKind(['Item Name', 'Serial number', 'Quantity'])).toBe('components');
    expect(detectSnipeItKind(['Colour'])).toBeUndefined();
  });
});
