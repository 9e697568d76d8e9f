import { assetFindingBase, describeAsset, IN_ESTATE_STAGES, isCriticalAsset } from '../assetFacts';
import { formatDays, toDayNumber } from '../dates';
import type { RiskAsset, RiskContext, RiskFinding } from '../types';
import type { RiskRuleId } from '../ruleIds';

/** What distinguishes one vendor deadline rule (end of life, end of support) from another. */
export interface DeadlineRuleSpec {
  ruleId: RiskRuleId;
  field: 'endOfLife' | 'endOfSupport';
  /** Noun phrase used in explanations, e.g. `end of support`. */
  label: string;
  warnWithinDays: (ctx: RiskContext) => number;
  actionPassed: string;
  actionUpcoming: string;
}

/**
 * Findings for assets in the estate whose vendor deadline has passed or falls within the warning
 * window. The deadline day itself still counts as covered (vendors publish the last supported
 * day), so it is reported as upcoming "today", and passed from the next day.
 *
 * Severity: passed is high, upcoming medium; each one step higher on a critical asset, because
 * an unsupported tier-1 system is what turns a vulnerability into an outage.
 */
export function deadlineFindings(ctx: RiskContext, spec: DeadlineRuleSpec): RiskFinding[] {
  const findings: RiskFinding[] = [];
  const warn = spec.warnWithinDays(ctx);
  ctx.input.assets.forEach((asset, i) => {
    const date = asset[spec.field];
    if (!date || !IN_ESTATE_STAGES.has(asset.lifecycleStage)) return;
    const daysLeft = toDayNumber(date, `assets.${i}.${spec.field}`) - ctx.asOfDay;
    if (daysLeft > warn) return;
    const critical = isCriticalAsset(asset, ctx.config);
    const passed = daysLeft < 0;
    findings.push({
      ruleId: spec.ruleId,
      severity: passed ? (critical ? 'critical' : 'high') : critical ? 'high' : 'medium',
      ...assetFindingBase(asset),
      explanation: explain(asset, spec.label, date, daysLeft, warn, ctx.asOf, critical),
      suggestedAction: passed ? spec.actionPassed : spec.actionUpcoming,
    });
  });
  return findings;
}

function explain(
  asset: RiskAsset,
  label: string,
  date: string,
  daysLeft: number,
  warn: number,
  asOf: string,
  critical: boolean,
): string {
  const who = `${describeAsset(asset)}, ${asset.lifecycleStage}, criticality tier ${asset.criticality}${critical ? ' (critical)' : ''}`;
  if (daysLeft < 0) {
    return `${who}: ${label} was ${date}, ${formatDays(-daysLeft)} before ${asOf}.`;
  }
  const when = daysLeft === 0 ? 'today' : `in ${formatDays(daysLeft)}`;
  return `${who}: reaches ${label} on ${date}, ${when} (warning window ${formatDays(warn)} from ${asOf}).`;
}
