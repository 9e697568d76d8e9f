import type { LifecycleStage } from '../../asset/constants';
import { assetFindingBase, describeAsset, isCriticalAsset } from '../assetFacts';
import type { RiskSeverity } from '../severity';
import type { RiskFinding, RiskRule } from '../types';

/** Planned assets do not exist yet and disposed ones have left: neither needs an owner. */
const NEEDS_OWNER: ReadonlySet<LifecycleStage> = new Set<LifecycleStage>([
  'ordered',
  'in-stock',
  'deployed',
  'maintenance',
  'retired',
]);

/** In service, nobody is accountable for patching, renewal or incidents without an owner. */
const IN_SERVICE: ReadonlySet<LifecycleStage> = new Set<LifecycleStage>(['deployed', 'maintenance']);

/**
 * `asset-without-owner`: an asset between ordered and retired that has no owner.
 *
 * Severity: low while ordered or in stock (the stock itself is the asset manager's), medium when
 * in service or retired (nobody decides about patching, renewal or disposal), high for a
 * critical asset in service.
 *
 * @public
 */
export const assetWithoutOwnerRule: RiskRule = {
  id: 'asset-without-owner',
  evaluate: ctx => {
    const findings: RiskFinding[] = [];
    for (const asset of ctx.input.assets) {
      if (asset.owner || !NEEDS_OWNER.has(asset.lifecycleStage)) continue;
      const inService = IN_SERVICE.has(asset.lifecycleStage);
      const critical = isCriticalAsset(asset, ctx.config);
      const severity: RiskSeverity =
        inService && critical
          ? 'high'
          : inService || asset.lifecycleStage === 'retired'
            ? 'medium'
            : 'low';
      findings.push({
        ruleId: 'asset-without-owner',
        severity,
        ...assetFindingBase(asset),
        explanation: `${describeAsset(asset)} is ${asset.lifecycleStage} (criticality tier ${asset.criticality}) and has no owner.`,
        suggestedAction: 'Assign an accountable owner (a user or group of the catalogue).',
      });
    }
    return findings;
  },
};
