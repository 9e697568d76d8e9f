import { RISK_RULE_DESCRIPTIONS, RISK_RULE_IDS } from './ruleIds';

describe('RISK_RULE_IDS', () => {
  it('are unique kebab-case ids, each described', () => {
    expect(new Set(RISK_RULE_IDS).size).toBe(RISK_RULE_IDS.length);
    for (const id of RISK_RULE_IDS) {
      expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(RISK_RULE_DESCRIPTIONS[id].length).toBeGreaterThan(20);
    }
    expect(Object.keys(RISK_RULE_DESCRIPTIONS).sort()).toEqual([...RISK_RULE_IDS].sort());
  });
});
