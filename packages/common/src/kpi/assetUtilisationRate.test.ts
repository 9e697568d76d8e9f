import { ItamValidationError } from '../errors';
import { anAsset } from '../testing/fixtures';
import { assetUtilisationRate } from './assetUtilisationRate';

const window = { from: '2026-01-01', to: '2026-03-31' };

describe('assetUtilisationRate', () => {
  it('is deployed ÷ under management (in-stock, deployed, maintenance)', () => {
    const assets = [
      anAsset({ id: 'a', lifecycleStage: 'deployed' }),
      anAsset({ id: 'b', lifecycleStage: 'deployed' }),
      anAsset({ id: 'c', lifecycleStage: 'in-stock' }),
      anAsset({ id: 'd', lifecycleStage: 'maintenance' }),
      anAsset({ id: 'e', lifecycleStage: 'planned' }),
      anAsset({ id: 'f', lifecycleStage: 'retired' }),
      anAsset({ id: 'g', lifecycleStage: 'disposed' }),
      anAsset({ id: 'a', lifecycleStage: 'deployed' }), // listed twice, counted once
    ];
    expect(assetUtilisationRate({ window, assets })).toMatchObject({
      id: 'asset-utilisation-rate',
      value: 0.5,
      numerator: 2,
      denominator: 4,
      unit: 'ratio',
      window,
    });
  });

  it('is null with a reason for an empty register', () => {
    const r = assetUtilisationRate({ window, assets: [] });
    expect(r).toMatchObject({ value: null, numerator: 0, denominator: 0, reason: 'no assets under management' });
  });

  it('refuses a reversed window', () => {
    const call = () => assetUtilisationRate({ window: { from: '2026-02-01', to: '2026-01-01' }, assets: [] });
    expect(call).toThrow(ItamValidationError);
    expect(call).toThrow('window.to: must not be before from');
  });
});
