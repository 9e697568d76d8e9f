import { compareRiskSeverity } from './severity';
import type { RiskFinding } from './types';
import { compareText } from '../text/compareText';


/**
 * The order findings are reported in: severity (most severe first), then asset tag (or the
 * subject's label for findings about products, entitlements and discovered devices), then rule
 * id and subject id, so the order is total and independent of the input order.
 *
 * @public
 */
export function compareRiskFindings(a: RiskFinding, b: RiskFinding): number {
  return (
    compareRiskSeverity(a.severity, b.severity) ||
    compareText(a.assetTag ?? a.subject.label, b.assetTag ?? b.subject.label) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.subject.id, b.subject.id)
  );
}
