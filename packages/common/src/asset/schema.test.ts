import { validate } from '../validation';
import { assetPatchSchema, newAssetSchema } from './schema';

const good = {
  tag: 'LAP-00042',
  name: 'ThinkPad T14',
  assetClass: 'hardware',
  type: 'laptop',
  owner: 'user:default/jane',
  custodian: 'group:sre',
  serialNumber: 'PF3ABC12',
  externalIds: [{ source: 'glpi', sourceId: '42' }],
  purchase: { date: '2025-03-31', cost: 1299.99, currency: 'EUR', supplier: 'Lenovo' },
  warrantyEnd: '2028-03-31',
  attributes: { ram_gb: 32, docked: true },
};

describe('newAssetSchema', () => {
  it('accepts a complete asset, applies defaults and normalises entity refs', () => {
    const result = validate(newAssetSchema, good);
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        criticality: 3,
        dataClassification: 'internal',
        lifecycleStage: 'planned',
        custodian: 'group:default/sre',
      }),
    });
  });

  it('accepts the minimal asset', () => {
    expect(
      validate(newAssetSchema, { tag: 'VM-1', name: 'vm', assetClass: 'cloud', type: 'vm' }).ok,
    ).toBe(true);
  });

  it.each([
    ['tag', { tag: '' }, 'must not be empty'],
    ['tag', { tag: '-bad' }, 'must start with a letter or digit'],
    ['name', { name: undefined }, 'is required'],
    ['assetClass', { assetClass: 'furniture' }, 'must be one of "hardware"'],
    ['type', { type: 'Laptop Pro' }, 'kebab-case'],
    ['criticality', { criticality: 5 }, 'tier from 1'],
    ['dataClassification', { dataClassification: 'secret' }, 'must be one of'],
    ['owner', { owner: 'component:default/api' }, 'must reference a user or group'],
    ['owner', { owner: 'jane' }, 'has no kind'],
    ['purchase.currency', { purchase: { cost: 10 } }, 'is required when a cost is given'],
    ['purchase.currency', { purchase: { cost: 10, currency: 'eur' } }, 'ISO 4217'],
    ['purchase.cost', { purchase: { cost: -1, currency: 'EUR' } }, 'must not be negative'],
    ['purchase.cost', { purchase: { cost: 1.23456, currency: 'EUR' } }, 'four decimal'],
    ['purchase.date', { purchase: { date: '2025-02-30' } }, 'real calendar date'],
    ['warrantyEnd', { warrantyEnd: '31/03/2028' }, 'YYYY-MM-DD'],
    ['externalIds.0.source', { externalIds: [{ source: 'GLPI!', sourceId: '1' }] }, 'lower-case'],
    [
      'externalIds.1',
      {
        externalIds: [
          { source: 'glpi', sourceId: '1' },
          { source: 'glpi', sourceId: '1' },
        ],
      },
      'duplicates external id',
    ],
    ['attributes.1bad', { attributes: { '1bad': 1 } }, 'attribute names'],
    ['attributes', { attributes: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`a${i}`, i])) }, 'at most 100 attributes'],
    ['', { colour: 'red' }, 'unknown field(s) "colour"'],
  ])('reports %s', (path, change, message) => {
    const result = validate(newAssetSchema, { ...good, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('reports every bad field at once, each with its path', () => {
    const result = validate(newAssetSchema, {
      tag: '',
      name: '',
      assetClass: 'x',
      type: 'laptop',
      criticality: 0,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(i => i.path).sort()).toEqual(
      ['assetClass', 'criticality', 'name', 'tag'].sort(),
    );
  });
});

describe('assetPatchSchema', () => {
  it('accepts null to clear optional fields and leaves others untouched', () => {
    expect(validate(assetPatchSchema, { owner: null, location: 'HQ' })).toEqual({
      ok: true,
      value: { owner: null, location: 'HQ' },
    });
  });

  it('refuses null on required fields and any lifecycle stage change', () => {
    const result = validate(assetPatchSchema, { name: null, lifecycleStage: 'deployed' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'name' }),
        expect.objectContaining({ message: expect.stringContaining('lifecycleStage') }),
      ]),
    );
  });
});

describe('amounts', () => {
  const cost = (value: number) => validate(newAssetSchema, { ...good, purchase: { cost: value, currency: 'EUR' } }).ok;

  it('takes up to four decimals at any magnitude, judged on the decimal as written', () => {
    expect(cost(18_735_131.24)).toBe(true);
    expect(cost(50_260_487.2841)).toBe(true);
    expect(cost(0.0001)).toBe(true);
    expect(cost(1450.5)).toBe(true);
    expect(cost(0.00001)).toBe(false);
    expect(cost(1.23456)).toBe(false);
  });
});
