import { RISK_RULE_IDS, type RiskRuleId } from './ruleIds';
import { RISK_SEVERITIES, type RiskSeverity } from './severity';
import type { RiskFinding } from './types';

/**
 * The identity of a finding across evaluations: one rule about one subject. A finding keeps its
 * key (and its "first seen" day) while the rule keeps finding it, whatever its text says.
 *
 * @public
 */
export function riskFindingKey(finding: Pick<RiskFinding, 'ruleId' | 'subject'>): string {
  return `${finding.ruleId}:${finding.subject.kind}:${finding.subject.id}`;
}

/**
 * What findings of one severity are ordered by (see {@link compareRiskFindings}): the asset tag,
 * or the label of a product, entitlement or device.
 *
 * @public
 */
export function riskFindingSortLabel(finding: Pick<RiskFinding, 'assetTag' | 'subject'>): string {
  return finding.assetTag ?? finding.subject.label;
}

/**
 * How many findings a list holds, as facets: `total` matches every filter; `bySeverity` counts
 * with every filter but the severity, `byRule` with every filter but the rule, so a page can show
 * what choosing another severity or rule would list.
 *
 * @public
 */
export interface RiskFindingCounts {
  total: number;
  bySeverity: Record<RiskSeverity, number>;
  byRule: Record<RiskRuleId, number>;
}

/** The severity and rule filters of a findings list (each: any of these; absent or empty: all). @public */
export interface RiskFindingFacetFilter {
  severities?: readonly RiskSeverity[];
  ruleIds?: readonly RiskRuleId[];
}

/** Zero for every severity and rule. @public */
export function emptyRiskFindingCounts(): RiskFindingCounts {
  return {
    total: 0,
    bySeverity: Object.fromEntries(RISK_SEVERITIES.map(s => [s, 0])) as Record<RiskSeverity, number>,
    byRule: Object.fromEntries(RISK_RULE_IDS.map(r => [r, 0])) as Record<RiskRuleId, number>,
  };
}

/**
 * The facet counts of findings grouped by rule and severity (`n` findings each), under a severity
 * and rule filter. The definition the database path is tested against.
 *
 * @public
 */
export function riskFindingCountsFromGroups(
  groups: Iterable<{ ruleId: RiskRuleId; severity: RiskSeverity; n: number }>,
  filter: RiskFindingFacetFilter = {},
): RiskFindingCounts {
  const counts = emptyRiskFindingCounts();
  const severityOk = (s: RiskSeverity) => !filter.severities?.length || filter.severities.includes(s);
  const ruleOk = (r: RiskRuleId) => !filter.ruleIds?.length || filter.ruleIds.includes(r);
  for (const g of groups) {
    // Unknown rules or severities (a row from a newer version) are left out rather than invented.
    if (!(g.ruleId in counts.byRule) || !(g.severity in counts.bySeverity)) continue;
    if (ruleOk(g.ruleId)) counts.bySeverity[g.severity] += g.n;
    if (severityOk(g.severity)) counts.byRule[g.ruleId] += g.n;
    if (ruleOk(g.ruleId) && severityOk(g.severity)) counts.total += g.n;
  }
  return counts;
}

/**
 * The facet counts of a list of findings (see {@link riskFindingCountsFromGroups}).
 *
 * @public
 */
export function countRiskFindings(findings: readonly RiskFinding[], filter: RiskFindingFacetFilter = {}): RiskFindingCounts {
  return riskFindingCountsFromGroups(
    findings.map(f => ({ ruleId: f.ruleId, severity: f.severity, n: 1 })),
    filter,
  );
}
