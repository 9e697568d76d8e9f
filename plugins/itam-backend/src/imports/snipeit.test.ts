import { mapColumns } from './csvColumns';
import { ImportFileError } from './errors';
import {
  addMonths,
  mapSnipeItRecord,
  parseCost,
  parseSnipeItDate,
  parseYesNo,
  SNIPEIT_COLUMNS,
  snipeItCategoryToClassType,
  snipeItStatusToStage,
} from './snipeit';

describe('Snipe-IT values', () => {
  it.each([
    ['2024-03-15', '2024-03-15'],
    ['2024-3-5', '2024-03-05'],
    ['2024-01-31 12:00 AM', '2024-01-31'],
    ['2024-01-31T10:00:00.000000Z', '2024-01-31'],
    ['2024/02/10', '2024-02-10'],
    ['Jan 23, 2023', '2023-01-23'],
    ['Mon Jan 23, 2023', '2023-01-23'],
    ['January 23 2023', '2023-01-23'],
    ['23 Jan 2023', '2023-01-23'],
  ])('reads the date %s', (value, date) => {
    expect(parseSnipeItDate(value)).toEqual({ date });
  });

  it('refuses ambiguous and unreadable dates with a hint', () => {
    expect(parseSnipeItDate('01/02/2023')).toEqual({ error: expect.stringMatching(/ambiguous.*YYYY-MM-DD/) });
    expect(parseSnipeItDate('soon')).toEqual({ error: expect.stringMatching(/not a date/) });
    expect(parseSnipeItDate('Foo 12, 2023')).toEqual({ error: expect.stringMatching(/not a date/) });
  });

  it('reads yes/no values as Snipe-IT writes them', () => {
    expect(['Yes', 'yes', '1', 'true', 'Y'].map(parseYesNo)).toEqual([true, true, true, true, true]);
    expect(['No', '0', 'false', 'n'].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo('Maybe')).toBeUndefined();
  });

  it('reads costs with thousands separators and currency symbols', () => {
    expect(parseCost('2,399.00')).toBe(2399);
    expect(parseCost('$1,234,567.5')).toBe(1234567.5);
    expect(parseCost('£612')).toBe(612);
    expect(parseCost('a lot')).toBeUndefined();
    expect(parseCost('1.2.3')).toBeUndefined();
  });

  it('adds warranty months, clamping to the end of the month', () => {
    expect(addMonths('2024-03-15', 36)).toBe('2027-03-15');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2023-12-31', 0)).toBe('2023-12-31');
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
      'EUR',
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
    expect(mapSnipeItRecord({ row: 3, values: ['A'] }, columns, 'USD').issues).toEqual([
      { field: 'row', message: 'has 1 fields but the header has 2' },
    ]);
  });
});
