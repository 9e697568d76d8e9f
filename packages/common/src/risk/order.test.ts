import { compareText } from '../text/compareText';
import { compareRiskFindings } from './order';
import type { RiskFinding } from './types';

function finding(overrides: Partial<RiskFinding>): RiskFinding {
  return {
    ruleId: 'end-of-life',
    severity: 'high',
    subject: { kind: 'asset', id: 'a', label: 'A' },
    assetTag: 'A',
    explanation: 'x',
    suggestedAction: 'y',
    ...overrides,
  };
}

describe('compareRiskFindings', () => {
  it('orders by severity, then tag or label, then rule, then subject id', () => {
    const items = [
      finding({ severity: 'low', assetTag: 'A' }),
      finding({ severity: 'high', assetTag: 'B' }),
      finding({ severity: 'high', assetTag: undefined, subject: { kind: 'product', id: 'p', label: 'AA' } }),
      finding({ severity: 'high', assetTag: 'A', ruleId: 'end-of-support' }),
      finding({ severity: 'high', assetTag: 'A', ruleId: 'end-of-life', subject: { kind: 'asset', id: 'z', label: 'A' } }),
      finding({ severity: 'high', assetTag: 'A', ruleId: 'end-of-life', subject: { kind: 'asset', id: 'y', label: 'A' } }),
      finding({ severity: 'critical', assetTag: 'Z' }),
    ];
    const sorted = [...items].sort(compareRiskFindings);
    expect(sorted.map(f => `${f.severity}/${f.assetTag ?? f.subject.label}/${f.ruleId}/${f.subject.id}`)).toEqual([
      'critical/Z/end-of-life/a',
      'high/A/end-of-life/y',
      'high/A/end-of-life/z',
      'high/A/end-of-support/a',
      'high/AA/end-of-life/p',
      'high/B/end-of-life/a',
      'low/A/end-of-life/a',
    ]);
  });

  it('compares text by code units, not locale', () => {
    expect(compareText('Z', 'a')).toBeLessThan(0);
    expect(compareText('a', 'a')).toBe(0);
  });
});
