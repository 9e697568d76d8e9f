import { LIFECYCLE_STAGES } from '../asset/constants';
import { anAsset } from '../testing/fixtures';
import { assetsUnderManagement, isInService, isUnderManagement } from './registerScope';

describe('register scope', () => {
  it.each(LIFECYCLE_STAGES.map(s => [s]))('classifies %s', stage => {
    const asset = anAsset({ lifecycleStage: stage });
    expect(isUnderManagement(asset)).toBe(['in-stock', 'deployed', 'maintenance'].includes(stage));
    expect(isInService(asset)).toBe(['deployed', 'maintenance'].includes(stage));
  });

  it('counts each asset id once', () => {
    const ids = assetsUnderManagement([
      anAsset({ id: 'a', lifecycleStage: 'deployed' }),
      anAsset({ id: 'a', lifecycleStage: 'deployed' }),
      anAsset({ id: 'b', lifecycleStage: 'planned' }),
    ]);
    expect([...ids]).toEqual(['a']);
  });
});
