import type { ValidationIssue } from '../errors';
import { parseDateWindow, type DateWindow } from '../finance/dateWindow';
import { checkLicencePositions, throwIfIssues, type LicenceCompliance } from './kpiInputs';
import type { KpiFacts } from './kpiFacts';
import { kpiResult, type KpiDefinition, type KpiResult } from './kpiResult';

/** @public */
export const LICENCE_COMPLIANCE_RATE: KpiDefinition = {
  id: 'licence-compliance-rate',
  name: 'Compliance rate',
  unit: 'ratio',
  definition:
    'Software products whose licence position is compliant (no shortfall) ÷ products reconciled (products ' +
    'under management with a licence position), as reconciled at the end of the window.',
};

/**
 * Compliance rate: the share of reconciled software products that are compliant.
 *
 * @throws {@link ItamValidationError} for a bad window or position (a product listed twice).
 * @public
 */
export function complianceRate(input: { window: DateWindow; licencePositions: readonly LicenceCompliance[] }): KpiResult {
  parseDateWindow(input.window, 'window', 'KPI input');
  const issues: ValidationIssue[] = [];
  checkLicencePositions(input.licencePositions, issues);
  throwIfIssues(issues, 'KPI input');
  return complianceFromFacts(input.window, licenceComplianceFacts(input.licencePositions));
}

/**
 * Compliant and reconciled product counts from licence positions.
 *
 * @public
 */
export function licenceComplianceFacts(positions: readonly LicenceCompliance[]): NonNullable<KpiFacts['licences']> {
  return { compliant: positions.filter(p => p.compliant).length, reconciled: positions.length };
}

/**
 * Compliance rate from the counts it reads.
 *
 * @throws {@link ItamValidationError} for a bad window.
 * @public
 */
export function complianceFromFacts(window: DateWindow, licences: NonNullable<KpiFacts['licences']>): KpiResult {
  parseDateWindow(window, 'window', 'KPI input');
  return kpiResult(LICENCE_COMPLIANCE_RATE, window, licences.compliant, licences.reconciled, 'no licence positions were reconciled');
}
