import { FieldFormatEntityPolicy, resourceEntityV1alpha1Validator, SchemaValidEntityPolicy } from '@backstage/catalog-model';
import { assetResourceName, assetToResource } from './assetToResource';
import { ItamAssetEntityProvider } from './ItamAssetEntityProvider';
import type { ListedAsset } from '@itam/common';
import { mockServices } from '@backstage/backend-test-utils';

const asset = (overrides: Partial<ListedAsset> = {}): ListedAsset => ({
  id: 'a1',
  tag: 'SRV-00001',
  name: 'Payments DB primary',
  assetClass: 'hardware',
  type: 'server',
  criticality: 1,
  dataClassification: 'internal',
  externalIds: [],
  attributes: {},
  lifecycleStage: 'deployed',
  owner: 'group:default/sre',
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  entityLinks: [
    { entityRef: 'component:default/payments-api', role: 'runs-on' },
    { entityRef: 'component:default/payments-api', role: 'stores-data-of' },
    { entityRef: 'resource:default/payments-db', role: 'runs-on' },
  ],
  ...overrides,
});

describe('assetToResource', () => {
  it('maps an asset to a valid Resource that points back to it', async () => {
    const entity = assetToResource(asset())!;
    // The catalogue's own checks: envelope schema, field formats, and the Resource kind schema.
    await expect(new SchemaValidEntityPolicy().enforce(entity)).resolves.toEqual(entity);
    await expect(new FieldFormatEntityPolicy().enforce(entity)).resolves.toEqual(entity);
    await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(true);
    expect(entity).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: 'asset-srv-00001',
        annotations: { 'itam.io/asset-id': 'a1', 'itam.io/asset-tag': 'SRV-00001' },
        labels: { 'itam.io/criticality': 'tier-1' },
      },
      spec: {
        type: 'server',
        owner: 'group:default/sre',
        dependencyOf: ['component:default/payments-api', 'resource:default/payments-db'],
      },
    });
  });

  it('falls back to the custodian and leaves out disposed or unowned assets', () => {
    expect(assetToResource(asset({ owner: undefined, custodian: 'user:default/sam' }))?.spec?.owner).toBe('user:default/sam');
    expect(assetToResource(asset({ owner: undefined }))).toBeUndefined();
    expect(assetToResource(asset({ lifecycleStage: 'disposed' }))).toBeUndefined();
  });

  it('publishes only assets up to the configured data classification', () => {
    expect(assetToResource(asset({ dataClassification: 'restricted' }))).toBeUndefined();
    expect(assetToResource(asset({ dataClassification: 'confidential' }))).toBeUndefined();
    expect(assetToResource(asset({ dataClassification: 'internal' }))).toBeDefined();
    expect(assetToResource(asset({ dataClassification: 'confidential' }), { maxDataClassification: 'confidential' })).toBeDefined();
    expect(assetToResource(asset({ dataClassification: 'internal' }), { maxDataClassification: 'public' })).toBeUndefined();
  });

  it('makes catalogue-safe names from any tag', () => {
    expect(assetResourceName('LAP/2024 #7')).toBe('asset-lap-2024-7');
    expect(assetResourceName(`X-${'9'.repeat(80)}`)).toHaveLength(63);
  });
});

describe('ItamAssetEntityProvider', () => {
  it('reads every page and applies one full mutation', async () => {
    const pages = [
      { items: [asset()], nextCursor: 'c1' },
      { items: [asset({ id: 'a2', tag: 'LAP-1', owner: undefined }), asset({ id: 'a3', tag: 'VM-1', type: 'virtual-machine' })] },
    ];
    const listAssets = jest.fn(async () => pages.shift()!);
    const applyMutation = jest.fn();
    const provider = new ItamAssetEntityProvider(async () => ({ listAssets }), mockServices.logger.mock());
    await provider.connect({ applyMutation, refresh: jest.fn() });
    expect(await provider.refresh()).toBe(2);
    expect(listAssets).toHaveBeenNthCalledWith(2, expect.objectContaining({ cursor: 'c1', include: 'entityLinks' }));
    expect(applyMutation).toHaveBeenCalledWith({
      type: 'full',
      entities: [
        expect.objectContaining({ entity: expect.objectContaining({ metadata: expect.objectContaining({ name: 'asset-srv-00001' }) }) }),
        expect.objectContaining({ entity: expect.objectContaining({ metadata: expect.objectContaining({ name: 'asset-vm-1' }) }) }),
      ],
    });
  });
});
