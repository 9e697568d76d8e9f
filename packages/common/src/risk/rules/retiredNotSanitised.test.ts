import { anAsset } from '../../testing/fixtures';
import { buildRiskContext } from '../evaluate';
import { retiredNotSanitisedRule } from './retiredNotSanitised';

function run(assets: ReturnType<typeof anAsset>[]) {
  return retiredNotSanitisedRule.evaluate(buildRiskContext({ asOf: '2026-06-01', assets }));
}

const record = { date: '2026-05-01', method: 'purge' as const, performedBy: 'ITAD Ltd' };

describe('retired-not-sanitised rule', () => {
  it('reports retired (high) and disposed (critical) assets that held sensitive data', () => {
    const findings = run([
      anAsset({ id: 'r', tag: 'LAP-1', name: 'LAP-1', lifecycleStage: 'retired', dataClassification: 'confidential' }),
      anAsset({ id: 'd', tag: 'LAP-2', name: 'LAP-2', lifecycleStage: 'disposed', dataClassification: 'restricted' }),
    ]);
    expect(findings.map(f => [f.assetId, f.severity])).toEqual([
      ['r', 'high'],
      ['d', 'critical'],
    ]);
    expect(findings[0].explanation).toBe('LAP-1 is retired, held confidential data, and has no sanitisation record.');
    expect(findings[1].suggestedAction).toMatch(/possible data breach/);
  });

  it('ignores sanitised assets, public or internal data, and assets still in service', () => {
    expect(
      run([
        anAsset({ id: 's', lifecycleStage: 'retired', dataClassification: 'restricted', sanitisation: record }),
        anAsset({ id: 'i', lifecycleStage: 'retired', dataClassification: 'internal' }),
        anAsset({ id: 'p', lifecycleStage: 'disposed', dataClassification: 'public' }),
        anAsset({ id: 'u', lifecycleStage: 'deployed', dataClassification: 'restricted' }),
      ]),
    ).toEqual([]);
  });
});
