import { changeRiskLevel } from './riskLevel';

describe('changeRiskLevel', () => {
  it.each([
    [1, 'low'],
    [4, 'low'],
    [5, 'medium'],
    [9, 'medium'],
    [10, 'high'],
    [14, 'high'],
    [15, 'critical'],
    [25, 'critical'],
  ])('scores %i as %s', (score, level) => {
    expect(changeRiskLevel(score)).toBe(level);
  });
});
