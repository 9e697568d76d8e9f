import type { ValidationIssue } from '../errors';
import { parseDateWindow, type DateWindow } from '../finance/dateWindow';
import { checkLicencePositions, throwIfIssues, type LicenceCompliance } from './kpiInputs';
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
  const compliant = input.licencePositions.filter(p => p.compliant).length;
  return kpiResult(
    LICENCE_COMPLIANCE_RATE,
    input.window,
    compliant,
    input.licencePositions.length,
    'no licence positions were reconciled',
  );
}
