import { anAsset } from '../../testing/fakeItamApi';
import { toAssetPatch, toDraft, toNewAssetInput } from './assetFormModel';

describe('assetFormModel', () => {
  it('starts a new asset with the schema defaults', () => {
    const draft = toDraft();
    expect(draft).toMatchObject({ tag: '', criticality: '3', dataClassification: 'internal', lifecycleStage: 'planned' });
  });

  it('builds a new asset from the filled fields, numbers as numbers, purchase grouped', () => {
    const draft = {
      ...toDraft(),
      tag: ' LAP-1 ',
      'purchase.cost': '12.5',
      'purchase.currency': 'EUR',
      description: '  keep my spaces ',
    };
    expect(toNewAssetInput(draft)).toEqual({
      tag: 'LAP-1',
      description: '  keep my spaces ',
      criticality: 3,
      dataClassification: 'internal',
      lifecycleStage: 'planned',
      purchase: { cost: 12.5, currency: 'EUR' },
    });
  });

  it('leaves text that is not a number for the schema to explain', () => {
    expect(toNewAssetInput({ ...toDraft(), 'purchase.cost': 'twelve' }).purchase).toEqual({ cost: 'twelve' });
  });

  it('patches only what changed: cleared optional fields become null, required ones stay empty', () => {
    const asset = anAsset({ location: 'HQ', serialNumber: 'S1', purchase: { cost: 10, currency: 'EUR' } });
    const draft = { ...toDraft(asset), location: 'DC-1', serialNumber: '', name: '' };
    expect(toAssetPatch(draft, asset)).toEqual({ location: 'DC-1', serialNumber: null, name: '' });
  });

  it('sends the purchase whole when a part changed, and null when it was emptied', () => {
    const asset = anAsset({ purchase: { cost: 10, currency: 'EUR' } });
    expect(toAssetPatch({ ...toDraft(asset), 'purchase.cost': '11' }, asset)).toEqual({
      purchase: { cost: 11, currency: 'EUR' },
    });
    expect(
      toAssetPatch({ ...toDraft(asset), 'purchase.cost': '', 'purchase.currency': '' }, asset),
    ).toEqual({ purchase: null });
  });

  it('never patches the lifecycle stage (it changes through transitions)', () => {
    const asset = anAsset();
    expect(toAssetPatch({ ...toDraft(asset), lifecycleStage: 'disposed' }, asset)).toEqual({});
  });
});
