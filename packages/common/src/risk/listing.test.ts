import { countRiskFindings, riskFindingKey, riskFindingSortLabel } from './listing';
import type { RiskFinding } from './types';

const finding = (ruleId: RiskFinding['ruleId'], severity: RiskFinding['severity'], id: string): RiskFinding => ({
  ruleId,
  severity,
  subject: { kind: 'asset', id, label: `TAG-${id}` },
  assetId: id,
  assetTag: `TAG-${id}`,
  explanation: 'x',
  suggestedAction: 'y',
});

describe('risk finding listing', () => {
  const findings = [
    finding('end-of-life', 'high', 'a'),
    finding('end-of-life', 'medium', 'b'),
    finding('asset-without-owner', 'medium', 'c'),
    finding('audit-overdue', 'low', 'd'),
  ];

  it('keys a finding by rule and subject, and sorts it by tag or label', () => {
    expect(riskFindingKey(findings[0])).toBe('end-of-life:asset:a');
    expect(riskFindingSortLabel(findings[0])).toBe('TAG-a');
    expect(riskFindingSortLabel({ subject: { kind: 'product', id: 'p', label: 'Office' } })).toBe('Office');
  });

  it('counts each facet with the other filter applied', () => {
    const all = countRiskFindings(findings);
    expect(all.total).toBe(4);
    expect(all.bySeverity).toEqual({ critical: 0, high: 1, medium: 2, low: 1 });
    expect(all.byRule['end-of-life']).toBe(2);
    const filtered = countRiskFindings(findings, { severities: ['medium'], ruleIds: ['end-of-life'] });
    expect(filtered.total).toBe(1);
    // Severities as if only the rule were chosen, rules as if only the severity were.
    expect(filtered.bySeverity).toEqual({ critical: 0, high: 1, medium: 1, low: 0 });
    expect(filtered.byRule['end-of-life']).toBe(1);
    expect(filtered.byRule['asset-without-owner']).toBe(1);
    expect(filtered.byRule['audit-overdue']).toBe(0);
  });
});
