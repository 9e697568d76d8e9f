import { buildRiskContext } from '../evaluate';
import type { EntitlementExpiryInput } from '../types';
import { entitlementExpiringRule } from './entitlementExpiring';

function run(entitlements: EntitlementExpiryInput[], config = {}) {
  return entitlementExpiringRule.evaluate(buildRiskContext({ asOf: '2026-06-01', assets: [], entitlements }, config));
}

describe('entitlement-expiring rule', () => {
  it('reports entitlements ending within the window, high when urgent', () => {
    const findings = run([
      { id: 'E1', product: 'Acrobat Pro', termEnd: '2026-07-01' },
      { id: 'E2', product: 'Visio', termEnd: '2026-07-02' },
      { id: 'E3', product: 'Jira', termEnd: '2026-08-30' },
      { id: 'E4', product: 'Slack', termEnd: '2026-08-31' },
      { id: 'E5', product: 'Old', termEnd: '2026-05-31' },
      { id: 'E6', product: 'Perpetual' },
    ]);
    expect(findings.map(f => [f.subject.id, f.severity])).toEqual([
      ['E1', 'high'],
      ['E2', 'medium'],
      ['E3', 'medium'],
    ]);
    expect(findings[0]).toMatchObject({
      ruleId: 'entitlement-expiring',
      subject: { kind: 'entitlement', id: 'E1', label: 'E1 (Acrobat Pro)' },
      explanation:
        'Entitlement E1 for Acrobat Pro ends on 2026-07-01, in 30 days (warning window 90 days, urgent within 30 days of 2026-06-01).',
    });
    expect(findings[0].assetId).toBeUndefined();
  });

  it('reports an entitlement ending today', () => {
    const [f] = run([{ id: 'E', product: 'P', termEnd: '2026-06-01' }]);
    expect(f.explanation).toMatch(/ends on 2026-06-01, today/);
    expect(f.severity).toBe('high');
  });

  it('uses configured windows and names a bad date', () => {
    const e = { id: 'E', product: 'P', termEnd: '2026-06-11' };
    expect(run([e], { entitlementExpiry: { warnWithinDays: 10, urgentWithinDays: 5 } })[0].severity).toBe('medium');
    expect(run([e], { entitlementExpiry: { warnWithinDays: 9, urgentWithinDays: 5 } })).toEqual([]);
    expect(() => run([e, { id: 'F', product: 'P', termEnd: 'soon' }])).toThrow(/entitlements\.1\.termEnd/);
  });
});
