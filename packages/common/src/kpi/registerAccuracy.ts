import type { ValidationIssue } from '../errors';
import { parseDateWindow, type DateWindow } from '../finance/dateWindow';
import { auditChecked, checkAudits, throwIfIssues, type AuditEvidence } from './kpiInputs';
import type { KpiFacts } from './kpiFacts';
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
  return registerAccuracyFromFacts(input.window, auditTotals(input.window, input.audits));
}

/**
 * Assets verified and everything checked, over the audits completed within the window. The
 * audits may include others: only those completed within the window count.
 *
 * @throws {@link ItamValidationError} for a bad window or audit.
 * @public
 */
export function auditTotals(window: DateWindow, audits: readonly AuditEvidence[]): NonNullable<KpiFacts['audits']> {
  const range = parseDateWindow(window, 'window', 'KPI input');
  const issues: ValidationIssue[] = [];
  const days = checkAudits(audits, issues);
  throwIfIssues(issues, 'KPI input');
  let verified = 0;
  let checked = 0;
  audits.forEach((audit, i) => {
    const day = days[i]!;
    if (day < range.fromDay || day > range.toDay) return;
    verified += audit.verifiedAssetIds.length;
    checked += auditChecked(audit);
  });
  return { verified, checked };
}

/**
 * Register accuracy from the audit totals.
 *
 * @throws {@link ItamValidationError} for a bad window.
 * @public
 */
export function registerAccuracyFromFacts(window: DateWindow, audits: NonNullable<KpiFacts['audits']>): KpiResult {
  parseDateWindow(window, 'window', 'KPI input');
  return kpiResult(REGISTER_ACCURACY, window, audits.verified, audits.checked, 'no audit completed within the window checked anything');
}
