import type { LifecycleStage } from '../../asset/constants';
import { anAsset } from '../../testing/fixtures';
import { buildRiskContext } from '../evaluate';
import { assetWithoutOwnerRule } from './assetWithoutOwner';

function run(assets: ReturnType<typeof anAsset>[]) {
  return assetWithoutOwnerRule.evaluate(buildRiskContext({ asOf: '2026-06-01', assets }));
}

describe('asset-without-owner rule', () => {
  it.each<[LifecycleStage, 1 | 3, string | undefined]>([
    ['planned', 3, undefined],
    ['ordered', 3, 'low'],
    ['in-stock', 1, 'low'],
    ['deployed', 3, 'medium'],
    ['deployed', 1, 'high'],
    ['maintenance', 1, 'high'],
    ['retired', 1, 'medium'],
    ['disposed', 3, undefined],
  ])('an ownerless %s asset of tier %s is %s', (stage, criticality, severity) => {
    const findings = run([anAsset({ lifecycleStage: stage, criticality, owner: undefined })]);
    expect(findings.map(f => f.severity)).toEqual(severity ? [severity] : []);
  });

  it('explains and ignores owned assets', () => {
    const findings = run([
      anAsset({ id: 'o', owner: 'group:default/sre', lifecycleStage: 'deployed' }),
      anAsset({ id: 'x', tag: 'LAP-9', name: 'spare laptop', owner: undefined, lifecycleStage: 'deployed' }),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'asset-without-owner', assetId: 'x' });
    expect(findings[0].explanation).toBe('LAP-9 (spare laptop) is deployed (criticality tier 3) and has no owner.');
  });
});
