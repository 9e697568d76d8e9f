import { assetFindingBase, describeAsset, IN_ESTATE_STAGES, isCriticalAsset } from '../assetFacts';
import { formatDays, toDayNumber } from '../dates';
import type { RiskFinding, RiskRule } from '../types';

/**
 * `warranty-expired-critical`: a critical asset (tier up to `criticalTierMax`, default 2) in the
 * estate whose warranty ended before the evaluation day. High: a hardware fault on such an asset
 * now means an unplanned purchase and a longer outage. Non-critical assets are left out on
 * purpose; running them past warranty is a normal, accepted cost decision.
 *
 * @public
 */
export const warrantyExpiredRule: RiskRule = {
  id: 'warranty-expired-critical',
  evaluate: ctx => {
    const findings: RiskFinding[] = [];
    ctx.input.assets.forEach((asset, i) => {
      if (!asset.warrantyEnd || !IN_ESTATE_STAGES.has(asset.lifecycleStage)) return;
      if (!isCriticalAsset(asset, ctx.config)) return;
      const daysAgo = ctx.asOfDay - toDayNumber(asset.warrantyEnd, `assets.${i}.warrantyEnd`);
      if (daysAgo <= 0) return;
      findings.push({
        ruleId: 'warranty-expired-critical',
        severity: 'high',
        ...assetFindingBase(asset),
        explanation: `${describeAsset(asset)} is criticality tier ${asset.criticality} (critical tiers 1–${ctx.config.criticalTierMax}) and ${asset.lifecycleStage}; its warranty ended on ${asset.warrantyEnd}, ${formatDays(daysAgo)} before ${ctx.asOf}.`,
        suggestedAction:
          'Extend the warranty or buy a hardware support contract, or schedule the replacement of the asset.',
      });
    });
    return findings;
  },
};
