import type { RiskFinding, RiskRuleId, RiskSeverity } from '@itam/common';
import { compareRiskSeverity } from '@itam/common';
import type { StatusLevel } from './assetStatus';

/** A severity in words, with the status level its chip is drawn with. */
export const RISK_SEVERITY_DISPLAY: Record<RiskSeverity, { label: string; level: StatusLevel }> = {
  critical: { label: 'Critical', level: 'error' },
  high: { label: 'High', level: 'error' },
  medium: { label: 'Medium', level: 'warning' },
  low: { label: 'Low', level: 'unknown' },
};

/** Short names of the risk rules (docs/domain/risks.md), for columns and filters. */
export const RISK_RULE_LABELS: Record<RiskRuleId, string> = {
  'end-of-life': 'End of life',
  'end-of-support': 'End of support',
  'warranty-expired-critical': 'Warranty expired on a critical asset',
  'licence-shortfall': 'Licence shortfall',
  'entitlement-expiring': 'Entitlement expiring',
  'asset-without-owner': 'Asset without owner',
  'audit-overdue': 'Not verified by an audit',
  'retired-not-sanitised': 'Retired but not sanitised',
  'unregistered-discovered': 'Unregistered device discovered',
};

/** The most severe of some findings' severities; undefined for none. */
export function highestSeverity(findings: readonly Pick<RiskFinding, 'severity'>[]): RiskSeverity | undefined {
  return findings.reduce<RiskSeverity | undefined>(
    (worst, f) => (worst === undefined || compareRiskSeverity(f.severity, worst) < 0 ? f.severity : worst),
    undefined,
  );
}
