import { formatDays, toDayNumber } from '../dates';
import type { RiskFinding, RiskRule } from '../types';

/**
 * `entitlement-expiring`: an entitlement whose term ends within
 * `entitlementExpiry.warnWithinDays` (default 90); high within `urgentWithinDays` (default 30),
 * medium before. Entitlements already ended are not reported here: they stop counting in the
 * licence position, which then shows the resulting shortfall.
 *
 * @public
 */
export const entitlementExpiringRule: RiskRule = {
  id: 'entitlement-expiring',
  evaluate: ctx => {
    const { warnWithinDays, urgentWithinDays } = ctx.config.entitlementExpiry;
    const findings: RiskFinding[] = [];
    (ctx.input.entitlements ?? []).forEach((e, i) => {
      if (!e.termEnd) return;
      const daysLeft = toDayNumber(e.termEnd, `entitlements.${i}.termEnd`) - ctx.asOfDay;
      if (daysLeft < 0 || daysLeft > warnWithinDays) return;
      const when = daysLeft === 0 ? 'today' : `in ${formatDays(daysLeft)}`;
      findings.push({
        ruleId: 'entitlement-expiring',
        severity: daysLeft <= urgentWithinDays ? 'high' : 'medium',
        subject: { kind: 'entitlement', id: e.id, label: `${e.id} (${e.product})` },
        explanation: `Entitlement ${e.id} for ${e.product} ends on ${e.termEnd}, ${when} (warning window ${formatDays(warnWithinDays)}, urgent within ${formatDays(urgentWithinDays)} of ${ctx.asOf}).`,
        suggestedAction:
          'Renew the entitlement, or plan to remove the installations it covers before it ends.',
      });
    });
    return findings;
  },
};
