import { anAsset } from '../../testing/fixtures';
import { buildRiskContext } from '../evaluate';
import { endOfSupportRule } from './endOfSupport';

function run(assets: ReturnType<typeof anAsset>[], config = {}) {
  return endOfSupportRule.evaluate(buildRiskContext({ asOf: '2026-06-01', assets }, config));
}

describe('end-of-support rule', () => {
  it('reads endOfSupport, not endOfLife, with a 90-day default window', () => {
    const findings = run([
      anAsset({ id: 'a', tag: 'A', endOfSupport: '2026-08-30', endOfLife: '2020-01-01' }),
      anAsset({ id: 'b', tag: 'B', endOfSupport: '2026-08-31' }),
      anAsset({ id: 'c', tag: 'C', endOfSupport: '2026-05-31', criticality: 2 }),
    ]);
    expect(findings.map(f => [f.assetId, f.ruleId, f.severity])).toEqual([
      ['a', 'end-of-support', 'medium'],
      ['c', 'end-of-support', 'critical'],
    ]);
    expect(findings[0].explanation).toMatch(/reaches end of support on 2026-08-30, in 90 days/);
    expect(findings[1].explanation).toMatch(/end of support was 2026-05-31, 1 day before 2026-06-01/);
    expect(findings[1].suggestedAction).toMatch(/extended support/);
  });

  it('honours a configured window', () => {
    expect(run([anAsset({ endOfSupport: '2026-12-01' })], { endOfSupport: { warnWithinDays: 365 } })).toHaveLength(1);
  });
});
