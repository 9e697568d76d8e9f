import { anAsset } from '../../testing/fixtures';
import { buildRiskContext } from '../evaluate';
import type { AuditVerificationInput } from '../types';
import { auditOverdueRule } from './auditOverdue';

function run(assets: ReturnType<typeof anAsset>[], verifications: AuditVerificationInput[], config = {}) {
  return auditOverdueRule.evaluate(buildRiskContext({ asOf: '2026-06-01', assets, verifications }, config));
}

describe('audit-overdue rule', () => {
  it('reports assets verified too long ago or never, using the latest verification', () => {
    const findings = run(
      [
        anAsset({ id: 'old', tag: 'A-OLD', name: 'A-OLD', lifecycleStage: 'deployed' }),
        anAsset({ id: 'ok', tag: 'A-OK', lifecycleStage: 'deployed' }),
        anAsset({ id: 'edge', tag: 'A-EDGE', lifecycleStage: 'in-stock' }),
        anAsset({ id: 'never', tag: 'A-NEVER', name: 'A-NEVER', lifecycleStage: 'retired', criticality: 1 }),
      ],
      [
        { assetId: 'old', verifiedOn: '2025-05-31' },
        { assetId: 'ok', verifiedOn: '2024-01-01' },
        { assetId: 'ok', verifiedOn: '2026-01-10' },
        { assetId: 'edge', verifiedOn: '2025-06-01' },
      ],
    );
    expect(findings.map(f => [f.assetId, f.severity])).toEqual([
      ['old', 'low'],
      ['never', 'medium'],
    ]);
    expect(findings[0].explanation).toBe(
      'A-OLD is deployed and was last verified by an audit on 2025-05-31, 366 days before 2026-06-01 (limit 365 days).',
    );
    expect(findings[1].explanation).toBe('A-NEVER is retired and has never been verified by an audit (limit 365 days).');
  });

  it('stays silent without audit data, but not with an empty list', () => {
    const asset = anAsset({ lifecycleStage: 'deployed' });
    expect(auditOverdueRule.evaluate(buildRiskContext({ asOf: '2026-06-01', assets: [asset] }))).toEqual([]);
    expect(run([asset], [])).toHaveLength(1);
  });

  it('skips assets not expected to be present', () => {
    const stages = ['planned', 'ordered', 'disposed'] as const;
    expect(run(stages.map(s => anAsset({ id: s, lifecycleStage: s })), [])).toEqual([]);
  });

  it('uses the configured limit and names a bad date', () => {
    const asset = anAsset({ lifecycleStage: 'deployed' });
    expect(run([asset], [{ assetId: 'a1', verifiedOn: '2026-05-01' }], { audit: { maxDaysSinceVerified: 30 } })).toHaveLength(1);
    expect(run([asset], [{ assetId: 'a1', verifiedOn: '2026-05-02' }], { audit: { maxDaysSinceVerified: 30 } })).toEqual([]);
    expect(() => run([asset], [{ assetId: 'a1', verifiedOn: '01/05/2026' }])).toThrow(/verifications\.0\.verifiedOn/);
  });
});
