import { SANITISATION_REQUIRED_FOR } from '../../asset/constants';
import { assetFindingBase, describeAsset } from '../assetFacts';
import type { RiskFinding, RiskRule } from '../types';

/**
 * `retired-not-sanitised`: a retired asset that held confidential or restricted data and has no
 * sanitisation record. High: the media may leave for resale or recycling with the data on them.
 *
 * Disposed assets without a record are reported too, as critical: the lifecycle rules refuse
 * that disposal, so it can only come from an import or a rule bypass, and the data may already
 * be outside the organisation.
 *
 * @public
 */
export const retiredNotSanitisedRule: RiskRule = {
  id: 'retired-not-sanitised',
  evaluate: ctx => {
    const findings: RiskFinding[] = [];
    for (const asset of ctx.input.assets) {
      const stage = asset.lifecycleStage;
      if (stage !== 'retired' && stage !== 'disposed') continue;
      if (asset.sanitisation || !SANITISATION_REQUIRED_FOR.includes(asset.dataClassification)) continue;
      findings.push({
        ruleId: 'retired-not-sanitised',
        severity: stage === 'disposed' ? 'critical' : 'high',
        ...assetFindingBase(asset),
        explanation: `${describeAsset(asset)} is ${stage}, held ${asset.dataClassification} data, and has no sanitisation record.`,
        suggestedAction:
          stage === 'disposed'
            ? 'Find out where the media went, confirm they were sanitised or destroyed, record it, and treat it as a possible data breach otherwise.'
            : 'Sanitise the media (clear, purge or destroy, after NIST SP 800-88) and record it before the asset leaves.',
      });
    }
    return findings;
  },
};
