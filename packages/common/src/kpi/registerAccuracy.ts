import type { ValidationIssue } from '../errors';
import { parseDateWindow, type DateWindow } from '../finance/dateWindow';
import { auditChecked, checkAudits, throwIfIssues, type AuditEvidence } from './kpiInputs';
import { kpiResult, type KpiDefinition, type KpiResult } from './kpiResult';

/** @public */
export const REGISTER_ACCURACY: KpiDefinition = {
  id: 'register-accuracy',
  name: 'Register accuracy',
  unit: 'ratio',
  definition:
    'Assets verified as recorded ÷ everything the audits checked (verified + seen but recorded wrongly + ' +
    'not found + unexpected items found), summed over the audits completed within the window. Every ' +
    'discrepancy counts against accuracy, whichever way it goes; assets nobody checked do not count.',
};

/**
 * Register accuracy from audits: how often the register matched what the auditors saw.
 *
 * @throws {@link ItamValidationError} for a bad window or audit.
 * @public
 */
export function registerAccuracy(input: { window: DateWindow; audits: readonly AuditEvidence[] }): KpiResult {
  const range = parseDateWindow(input.window, 'window', 'KPI input');
  const issues: ValidationIssue[] = [];
  const days = checkAudits(input.audits, issues);
  throwIfIssues(issues, 'KPI input');
  let verified = 0;
  let checked = 0;
  input.audits.forEach((audit, i) => {
    const day = days[i]!;
    if (day < range.fromDay || day > range.toDay) return;
    verified += audit.verifiedAssetIds.length;
    checked += auditChecked(audit);
  });
  return kpiResult(REGISTER_ACCURACY, input.window, verified, checked, 'no audit completed within the window checked anything');
}
