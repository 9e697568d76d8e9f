import { newAssetSchema, validate } from '@itam/common';
import { ASSET_CSV_COLUMNS } from '../service/csvExport';
import { mapColumns } from './csvColumns';
import { mapNativeRecord, NATIVE_COLUMNS, nativeCsvFieldName, parseExternalIds } from './native';

const exportHeader = ASSET_CSV_COLUMNS.map(c => c.header);

describe('native CSV', () => {
  it('reads every column of the register export (bookkeeping columns aside)', () => {
    const columns = mapColumns({ row: 1, values: exportHeader }, NATIVE_COLUMNS, 'ITAM CSV');
    expect(columns.ignored).toEqual(['id', 'version', 'updatedAt']);
  });

  it('maps a row to input the create schema accepts, leaving empty cells out', () => {
    const columns = mapColumns({ row: 1, values: exportHeader }, NATIVE_COLUMNS, 'ITAM CSV');
    const cells: Record<string, string> = {
      id: 'x', tag: 'LAP-1', name: 'Laptop', assetClass: 'hardware', type: 'laptop', lifecycleStage: 'in-stock',
      criticality: '2', dataClassification: 'confidential', serialNumber: 'SN1', owner: 'group:default/sre',
      purchaseDate: '2025-01-02', purchaseCost: '999.5', currency: 'EUR', externalIds: 'intune:abc glpi:dev-1', version: '3',
    };
    const row = mapNativeRecord({ row: 2, values: exportHeader.map(h => cells[h] ?? '') }, columns);
    expect(row.issues).toEqual([]);
    expect(row.input).toEqual({
      tag: 'LAP-1', name: 'Laptop', assetClass: 'hardware', type: 'laptop', lifecycleStage: 'in-stock', criticality: 2,
      dataClassification: 'confidential', serialNumber: 'SN1', owner: 'group:default/sre',
      externalIds: [{ source: 'intune', sourceId: 'abc' }, { source: 'glpi', sourceId: 'dev-1' }],
      purchase: { date: '2025-01-02', cost: 999.5, currency: 'EUR' },
    });
    expect(validate(newAssetSchema, row.input).ok).toBe(true);
  });

  it('reads back text the export neutralised against formula injection', () => {
    const columns = mapColumns({ row: 1, values: ['tag', 'name', 'assetClass', 'type', 'location', 'supplier'] }, NATIVE_COLUMNS, 'ITAM CSV');
    const row = mapNativeRecord({ row: 2, values: ['F-1', "'=SUM(A1)", 'hardware', 'laptop', "'-2+3", "O'Brien"] }, columns);
    expect(row.input).toEqual({
      tag: 'F-1', name: '=SUM(A1)', assetClass: 'hardware', type: 'laptop', location: '-2+3', purchase: { supplier: "O'Brien" },
    });
  });

  it('names problems by column', () => {
    const columns = mapColumns({ row: 1, values: ['tag', 'name', 'assetClass', 'type', 'purchaseCost', 'externalIds'] }, NATIVE_COLUMNS, 'ITAM CSV');
    expect(mapNativeRecord({ row: 4, values: ['T', 'n', 'hardware', 'laptop', '12,5', 'nocolon'] }, columns).issues).toEqual([
      { field: 'purchaseCost', message: '"12,5" is not an amount, e.g. 1299.99' },
      { field: 'externalIds', message: '"nocolon" is not source:id' },
    ]);
    expect(nativeCsvFieldName('purchase.currency')).toBe('currency');
    expect(nativeCsvFieldName('externalIds.0.source')).toBe('externalIds');
  });

  it('parses external ids as the export writes them', () => {
    expect(parseExternalIds('a:1  b:x:y')).toEqual([{ source: 'a', sourceId: '1' }, { source: 'b', sourceId: 'x:y' }]);
    expect(parseExternalIds(':x')).toBe('":x" is not source:id');
  });
});
