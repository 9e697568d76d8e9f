import type { LifecycleStage } from '../../asset/constants';
import { assetFindingBase, describeAsset, isCriticalAsset } from '../assetFacts';
import { formatDays, toDayNumber } from '../dates';
import type { RiskFinding, RiskRule } from '../types';

/**
 * Stages in which an asset should be found where the register says it is. Planned and ordered
 * assets have not arrived; disposed ones have gone. Retired assets are included: until disposal
 * they still hold data and value.
 */
const EXPECTED_PRESENT: ReadonlySet<LifecycleStage> = new Set<LifecycleStage>([
  'in-stock',
  'deployed',
  'maintenance',
  'retired',
]);

/**
 * `audit-overdue`: an asset expected to be present that no audit has verified within
 * `audit.maxDaysSinceVerified` days (default 365), or ever. Low, medium on a critical asset: an
 * unverified register is where ghost assets and unnoticed losses hide. Finds nothing when
 * `verifications` is not given at all.
 *
 * @public
 */
export const auditOverdueRule: RiskRule = {
  id: 'audit-overdue',
  evaluate: ctx => {
    // Without audit data the rule cannot tell "never audited" from "audits not loaded", so it
    // stays silent; an empty list means audits were loaded and none saw anything.
    if (!ctx.input.verifications) return [];
    const maxDays = ctx.config.audit.maxDaysSinceVerified;
    const latest = new Map<string, { day: number; date: string }>();
    ctx.input.verifications.forEach((v, i) => {
      const day = toDayNumber(v.verifiedOn, `verifications.${i}.verifiedOn`);
      const known = latest.get(v.assetId);
      if (!known || day > known.day) latest.set(v.assetId, { day, date: v.verifiedOn });
    });
    const findings: RiskFinding[] = [];
    for (const asset of ctx.input.assets) {
      if (!EXPECTED_PRESENT.has(asset.lifecycleStage)) continue;
      const seen = latest.get(asset.id);
      const daysSince = seen ? ctx.asOfDay - seen.day : undefined;
      if (daysSince !== undefined && daysSince <= maxDays) continue;
      const when =
        seen === undefined
          ? 'has never been verified by an audit'
          : `was last verified by an audit on ${seen.date}, ${formatDays(daysSince!)} before ${ctx.asOf}`;
      findings.push({
        ruleId: 'audit-overdue',
        severity: isCriticalAsset(asset, ctx.config) ? 'medium' : 'low',
        ...assetFindingBase(asset),
        explanation: `${describeAsset(asset)} is ${asset.lifecycleStage} and ${when} (limit ${formatDays(maxDays)}).`,
        suggestedAction: 'Include the asset in the next audit campaign and confirm its location and custodian.',
      });
    }
    return findings;
  },
};
