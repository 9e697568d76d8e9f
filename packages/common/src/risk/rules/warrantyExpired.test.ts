import { anAsset } from '../../testing/fixtures';
import { buildRiskContext } from '../evaluate';
import { warrantyExpiredRule } from './warrantyExpired';

function run(assets: ReturnType<typeof anAsset>[], config = {}) {
  return warrantyExpiredRule.evaluate(buildRiskContext({ asOf: '2026-06-01', assets }, config));
}

describe('warranty-expired-critical rule', () => {
  it('reports a critical asset whose warranty ended', () => {
    const [f, ...rest] = run([
      anAsset({ id: 'c', tag: 'SRV-9', name: 'SRV-9', criticality: 1, lifecycleStage: 'deployed', warrantyEnd: '2026-03-03' }),
      anAsset({ id: 'n', criticality: 3, warrantyEnd: '2020-01-01' }),
    ]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'warranty-expired-critical', severity: 'high', assetId: 'c' });
    expect(f.explanation).toBe(
      'SRV-9 is criticality tier 1 (critical tiers 1–2) and deployed; its warranty ended on 2026-03-03, 90 days before 2026-06-01.',
    );
  });

  it('treats the last warranty day as covered', () => {
    expect(run([anAsset({ criticality: 1, warrantyEnd: '2026-06-01' })])).toEqual([]);
    expect(run([anAsset({ criticality: 1, warrantyEnd: '2026-05-31' })])).toHaveLength(1);
  });

  it('follows criticalTierMax and ignores retired assets', () => {
    const tier2 = anAsset({ criticality: 2, warrantyEnd: '2026-01-01' });
    expect(run([tier2])).toHaveLength(1);
    expect(run([tier2], { criticalTierMax: 1 })).toEqual([]);
    expect(run([tier2], { criticalTierMax: 4 })).toHaveLength(1);
    expect(run([anAsset({ criticality: 1, warrantyEnd: '2026-01-01', lifecycleStage: 'retired' })])).toEqual([]);
  });
});
