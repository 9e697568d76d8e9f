import { newAssetSchema } from '@itam/common';
import { quickValidateNewAsset } from './quickValidate';

const base = {
  tag: 'LAP-1',
  name: 'Laptop',
  assetClass: 'hardware',
  type: 'laptop',
};

/** Valid rows of many shapes, and each with one value the schema refuses or must decide. */
const valid: Record<string, unknown>[] = [
  base,
  { ...base, tag: '  LAP-2 ', name: ' Spaced name ', type: ' laptop ' },
  { ...base, criticality: 1, dataClassification: 'restricted', lifecycleStage: 'deployed' },
  { ...base, criticality: undefined, lifecycleStage: undefined, serialNumber: undefined },
  { ...base, serialNumber: ' SN-1 ', location: 'site-1', costCentre: 'CC-9', description: '  kept as is  ' },
  { ...base, owner: 'group:default/sre', custodian: ' user:jane ' },
  { ...base, owner: 'Group:Default/SRE' },
  { ...base, externalIds: [{ source: 'intune', sourceId: ' abc ' }, { source: 'glpi', sourceId: 'dev-1' }] },
  { ...base, externalIds: [] },
  { ...base, purchase: { date: '2024-02-29', cost: 1299.99, currency: 'EUR', supplier: ' Dell ', orderNumber: 'PO-1' } },
  { ...base, purchase: { cost: 0, currency: 'USD' } },
  { ...base, purchase: { date: '2024-01-15' } },
  { ...base, purchase: {} },
  { ...base, warrantyEnd: '2027-01-15', endOfLife: '2030-12-31', endOfSupport: '2029-06-30' },
];

const invalidVariants: Record<string, unknown>[] = [
  { tag: '' },
  { tag: '-x' },
  { tag: 'x'.repeat(65) },
  { tag: 7 },
  { name: '   ' },
  { name: 'n'.repeat(201) },
  { assetClass: 'Hardware' },
  { type: 'Laptop' },
  { type: 'lap top' },
  { description: 'd'.repeat(4001) },
  { criticality: 0 },
  { criticality: 5 },
  { criticality: '3' },
  { criticality: null },
  { criticality: 2.5 },
  { dataClassification: 'secret' },
  { dataClassification: null },
  { lifecycleStage: 'lost' },
  { serialNumber: '' },
  { serialNumber: 'S'.repeat(129) },
  { owner: 'component:default/api' },
  { owner: 'not a ref' },
  { owner: '' },
  { custodian: 42 },
  { location: ' ' },
  { costCentre: 'c'.repeat(65) },
  { externalIds: [{ source: 'Intune', sourceId: 'a' }] },
  { externalIds: [{ source: 'a', sourceId: ' ' }] },
  { externalIds: [{ source: 'a', sourceId: 'x' }, { source: 'a', sourceId: 'x' }] },
  { externalIds: [{ source: 'a', sourceId: 'x', extra: 1 }] },
  { externalIds: Array.from({ length: 33 }, (_, i) => ({ source: 'a', sourceId: `${i}` })) },
  { externalIds: 'a:b' },
  { externalIds: null },
  { purchase: { cost: 10 } },
  { purchase: { cost: -1, currency: 'EUR' } },
  { purchase: { cost: 1.23456, currency: 'EUR' } },
  { purchase: { cost: Number.NaN, currency: 'EUR' } },
  { purchase: { cost: Infinity, currency: 'EUR' } },
  { purchase: { cost: '10', currency: 'EUR' } },
  { purchase: { currency: 'eur' } },
  { purchase: { date: '2023-02-29' } },
  { purchase: { date: '2024-1-5' } },
  { purchase: { vat: 1 } },
  { purchase: null },
  { warrantyEnd: '2027-13-01' },
  { endOfLife: '31/12/2030' },
  { attributes: { colour: 'red' } },
  { sanitisation: { date: '2024-01-01', method: 'destroy', performedBy: 'x' } },
  { unknownField: 1 },
  { assetClass: undefined },
  { name: 'NUL\u0000inside' },
  { serialNumber: 'lone \uD800 surrogate' },
  { description: 'ends with \uDC00' },
  { purchase: { supplier: 'a\u0000' } },
  { purchase: { cost: 100_000_000_001, currency: 'EUR' } },
];

const invalid = invalidVariants.map(v => ({ ...base, ...v }));

describe('quickValidateNewAsset', () => {
  it.each([...valid, ...invalid].map(input => [JSON.stringify(input) ?? '', input]))(
    'agrees with newAssetSchema: %s',
    (_, input) => {
      const quick = quickValidateNewAsset(input as Record<string, unknown>);
      const schema = newAssetSchema.safeParse(input);
      if (quick === undefined) return;
      // Whatever the fast path accepts, the schema accepts with the same value and key order.
      expect(schema.success).toBe(true);
      expect(quick).toEqual(schema.data);
      expect(Object.keys(quick)).toEqual(Object.keys(schema.data!));
      expect(JSON.stringify(quick)).toBe(JSON.stringify(schema.data));
    },
  );

  it('takes plainly valid rows itself', () => {
    for (const input of valid) expect(quickValidateNewAsset(input)).toBeDefined();
  });

  it('leaves every invalid row to the schema', () => {
    for (const input of invalid) {
      if (!newAssetSchema.safeParse(input).success) expect(quickValidateNewAsset(input)).toBeUndefined();
    }
  });
});
