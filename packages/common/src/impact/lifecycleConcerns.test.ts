import { assetLifecycleConcerns } from './lifecycleConcerns';

const base = { id: 'x', tag: 'SRV-1', name: 'db', lifecycleStage: 'deployed' as const };
const START = '2026-06-01T22:00:00Z';

describe('assetLifecycleConcerns', () => {
  it('has nothing to say about a healthy deployed asset', () => {
    expect(assetLifecycleConcerns({ ...base, endOfLife: '2030-01-01' }, START, 90)).toEqual([]);
  });

  it('reports maintenance, passed and near dates', () => {
    expect(
      assetLifecycleConcerns(
        { ...base, lifecycleStage: 'maintenance', endOfLife: '2026-05-31', endOfSupport: '2026-08-30' },
        START,
        90,
      ),
    ).toEqual([
      'asset SRV-1 is in maintenance',
      'asset SRV-1 passed end of life on 2026-05-31',
      'asset SRV-1 reaches end of support on 2026-08-30, 90 days after the change starts',
    ]);
  });

  it('uses the UTC day of the change start and the window given', () => {
    expect(assetLifecycleConcerns({ ...base, endOfSupport: '2026-06-02' }, '2026-06-01T23:59:00-01:00', 0)).toEqual([
      'asset SRV-1 reaches end of support on 2026-06-02, 0 days after the change starts',
    ]);
    expect(assetLifecycleConcerns({ ...base, endOfSupport: '2026-06-03' }, START, 1)).toEqual([]);
  });
});
