import fc from 'fast-check';
import { ItamValidationError } from '../errors';
import { anAsset } from '../testing/fixtures';
import { evaluateRiskFindings } from './evaluate';
import { RISK_RULE_IDS } from './ruleIds';
import { RISK_RULES } from './rules/catalogue';
import type { RiskEvaluationInput } from './types';

const AS_OF = '2026-06-01';

/** One register that trips every rule once. */
function everyRuleInput(): RiskEvaluationInput {
  return {
    asOf: AS_OF,
    assets: [
      anAsset({ id: 'eol', tag: 'SRV-EOL', endOfLife: '2026-01-01', lifecycleStage: 'deployed' }),
      anAsset({ id: 'eos', tag: 'SRV-EOS', endOfSupport: '2026-07-01', lifecycleStage: 'deployed' }),
      anAsset({ id: 'war', tag: 'SRV-WAR', criticality: 1, warrantyEnd: '2026-01-01', lifecycleStage: 'deployed' }),
      anAsset({ id: 'own', tag: 'LAP-OWN', owner: undefined, lifecycleStage: 'deployed' }),
      anAsset({ id: 'san', tag: 'LAP-SAN', lifecycleStage: 'retired', dataClassification: 'restricted' }),
    ],
    licenceShortfalls: [{ productId: 'p', productName: 'Visio', shortfall: 3, deviceAssetIds: ['own'] }],
    entitlements: [{ id: 'E1', product: 'Acrobat', termEnd: '2026-06-20' }],
    verifications: ['eol', 'eos', 'war', 'own'].map(assetId => ({ assetId, verifiedOn: '2026-05-01' })),
    discoveries: [{ source: 'glpi', sourceId: '1', name: 'rogue' }],
  };
}

describe('evaluateRiskFindings', () => {
  it('runs every rule and orders by severity, then asset tag or label', () => {
    const findings = evaluateRiskFindings(everyRuleInput());
    expect(findings.map(f => `${f.severity} ${f.ruleId} ${f.assetTag ?? f.subject.label}`)).toEqual([
      'high entitlement-expiring E1 (Acrobat)',
      'high retired-not-sanitised LAP-SAN',
      'high end-of-life SRV-EOL',
      'high warranty-expired-critical SRV-WAR',
      'high licence-shortfall Visio',
      'medium asset-without-owner LAP-OWN',
      'medium end-of-support SRV-EOS',
      'medium unregistered-discovered rogue',
      'low audit-overdue LAP-SAN',
    ]);
    expect(new Set(findings.map(f => f.ruleId))).toEqual(new Set(RISK_RULE_IDS));
  });

  it('lists the rules in the order of RISK_RULE_IDS', () => {
    expect(RISK_RULES.map(r => r.id)).toEqual([...RISK_RULE_IDS]);
  });

  it('skips disabled rules', () => {
    const findings = evaluateRiskFindings(everyRuleInput(), {
      disabledRules: ['audit-overdue', 'unregistered-discovered'],
    });
    expect(findings.map(f => f.ruleId)).not.toContain('audit-overdue');
    expect(findings.map(f => f.ruleId)).not.toContain('unregistered-discovered');
    expect(findings).toHaveLength(7);
  });

  it('finds nothing in an empty register', () => {
    expect(evaluateRiskFindings({ asOf: AS_OF, assets: [] })).toEqual([]);
  });

  it('depends on the evaluation day given, not the clock', () => {
    const input = { asOf: AS_OF, assets: [anAsset({ endOfLife: '2030-01-01' })] };
    expect(evaluateRiskFindings(input)).toEqual([]);
    expect(evaluateRiskFindings({ ...input, asOf: '2029-12-01T10:00:00Z' })).toHaveLength(1);
    expect(evaluateRiskFindings({ ...input, asOf: '2030-01-02' })[0].severity).toBe('high');
  });

  it('refuses a bad evaluation day, a bad configuration and duplicate asset ids', () => {
    expect(() => evaluateRiskFindings({ asOf: 'today', assets: [] })).toThrow(ItamValidationError);
    expect(() => evaluateRiskFindings({ asOf: AS_OF, assets: [] }, { criticalTierMax: 0 })).toThrow(
      /risk configuration: criticalTierMax/,
    );
    expect(() => evaluateRiskFindings({ asOf: AS_OF, assets: [anAsset(), anAsset()] })).toThrow(
      /assets\.1\.id: duplicates asset id "a1"/,
    );
  });

  it('gives the same findings whatever the order of every input list', () => {
    const base = everyRuleInput();
    const permutation = <T>(items: readonly T[]) =>
      fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
    const expected = evaluateRiskFindings(base);
    fc.assert(
      fc.property(
        permutation(base.assets),
        permutation(base.licenceShortfalls![0].deviceAssetIds.concat(['eol', 'war'])),
        permutation(base.verifications!),
        permutation([...base.discoveries!, { source: 'glpi', sourceId: '1', name: 'rogue', seenOn: '2020-01-01' }]),
        (assets, devices, verifications, discoveries) => {
          const withDevices = (input: RiskEvaluationInput, ids: readonly string[]) => ({
            ...input,
            licenceShortfalls: [{ ...input.licenceShortfalls![0], deviceAssetIds: ids }],
          });
          const shuffled = evaluateRiskFindings(
            withDevices({ ...base, assets, verifications, discoveries }, devices),
          );
          const reference = evaluateRiskFindings(
            withDevices(
              { ...base, discoveries: [...base.discoveries!, discoveries.find(d => d.seenOn)!] },
              ['own', 'eol', 'war'],
            ),
          );
          expect(shuffled).toEqual(reference);
          expect(shuffled.map(f => f.ruleId)).toEqual(expected.map(f => f.ruleId));
        },
      ),
    );
  });
});
