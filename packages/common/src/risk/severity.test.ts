import { compareRiskSeverity, RISK_SEVERITIES } from './severity';

describe('compareRiskSeverity', () => {
  it('sorts the most severe first', () => {
    const shuffled = ['low', 'critical', 'medium', 'high'] as const;
    expect([...shuffled].sort(compareRiskSeverity)).toEqual([...RISK_SEVERITIES]);
  });

  it('is zero for equal severities and antisymmetric', () => {
    expect(compareRiskSeverity('high', 'high')).toBe(0);
    expect(compareRiskSeverity('critical', 'low')).toBeLessThan(0);
    expect(compareRiskSeverity('low', 'critical')).toBeGreaterThan(0);
  });
});
