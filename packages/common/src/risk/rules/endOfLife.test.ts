import { anAsset } from '../../testing/fixtures';
import { buildRiskContext } from '../evaluate';
import { endOfLifeRule } from './endOfLife';

const AS_OF = '2026-06-01';

function run(assets: ReturnType<typeof anAsset>[], config = {}) {
  return endOfLifeRule.evaluate(buildRiskContext({ asOf: AS_OF, assets }, config));
}

describe('end-of-life rule', () => {
  it('reports a passed date with the date and the days since', () => {
    const [f] = run([anAsset({ id: 's1', tag: 'SRV-1', name: 'db host', lifecycleStage: 'deployed', endOfLife: '2026-05-02' })]);
    expect(f).toMatchObject({
      ruleId: 'end-of-life',
      severity: 'high',
      assetId: 's1',
      assetTag: 'SRV-1',
      subject: { kind: 'asset', id: 's1', label: 'SRV-1' },
    });
    expect(f.explanation).toBe(
      'SRV-1 (db host), deployed, criticality tier 3: end of life was 2026-05-02, 30 days before 2026-06-01.',
    );
    expect(f.suggestedAction).toMatch(/Replace or retire/);
  });

  it('reports an upcoming date within the window, and the date itself as today', () => {
    const findings = run([
      anAsset({ id: 'a', tag: 'A', endOfLife: '2026-11-28' }),
      anAsset({ id: 'b', tag: 'B', endOfLife: '2026-11-29' }),
      anAsset({ id: 'c', tag: 'C', endOfLife: AS_OF }),
    ]);
    expect(findings.map(f => [f.assetId, f.severity])).toEqual([
      ['a', 'medium'],
      ['c', 'medium'],
    ]);
    expect(findings[0].explanation).toMatch(/reaches end of life on 2026-11-28, in 180 days \(warning window 180 days from 2026-06-01\)/);
    expect(findings[1].explanation).toMatch(/on 2026-06-01, today/);
  });

  it('raises severity one step on a critical asset', () => {
    const findings = run([
      anAsset({ id: 'p', tag: 'P', criticality: 1, endOfLife: '2026-01-01' }),
      anAsset({ id: 'u', tag: 'U', criticality: 2, endOfLife: '2026-07-01' }),
    ]);
    expect(findings.map(f => f.severity)).toEqual(['critical', 'high']);
    expect(findings[0].explanation).toMatch(/criticality tier 1 \(critical\)/);
  });

  it('uses the configured window', () => {
    const asset = anAsset({ endOfLife: '2026-07-01' });
    expect(run([asset], { endOfLife: { warnWithinDays: 29 } })).toEqual([]);
    expect(run([asset], { endOfLife: { warnWithinDays: 30 } })).toHaveLength(1);
  });

  it('ignores retired and disposed assets and assets without the date', () => {
    expect(
      run([
        anAsset({ id: 'r', lifecycleStage: 'retired', endOfLife: '2020-01-01' }),
        anAsset({ id: 'd', lifecycleStage: 'disposed', endOfLife: '2020-01-01' }),
        anAsset({ id: 'n' }),
      ]),
    ).toEqual([]);
  });

  it('names the asset and field of a bad date', () => {
    expect(() => run([anAsset(), anAsset({ id: 'b', endOfLife: '2026-02-31' })])).toThrow(/assets\.1\.endOfLife/);
  });
});
