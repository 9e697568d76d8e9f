import type { Asset } from '../asset/types';
import type { ValidationIssue } from '../errors';
import { requireIsoDay } from '../finance/calendar';
import { auditChecked, checkAudits, checkLicencePositions, throwIfIssues, type AuditEvidence, type LicenceCompliance } from './kpiInputs';
import type { LifecycleField, MaturityCriterion, MaturityModel } from './maturityModel';
import { isInService, isUnderManagement } from './registerScope';

/**
 * The evidence maturity is measured from.
 *
 * @public
 */
export interface MaturityInput {
  /** Assessment date (`YYYY-MM-DD`): audits after it are ignored, recency counts back from it. */
  asOf: string;
  /** The register snapshot. */
  assets: readonly Asset[];
  /** Asset to catalogue entity links (any role). */
  entityLinks?: readonly { assetId: string }[];
  /** Asset to Jira ticket links (any ticket type). */
  ticketLinks?: readonly { assetId: string }[];
  audits?: readonly AuditEvidence[];
  /** Software products under management and their reconciled licence positions. */
  licensing?: { productsUnderManagement: readonly string[]; positions: readonly LicenceCompliance[] };
}

/**
 * One criterion measured: a share `numerator ÷ denominator`, or `null` with a reason when
 * there is nothing to measure it on.
 *
 * @public
 */
export interface CriterionMeasure {
  criterion: MaturityCriterion;
  value: number | null;
  numerator: number;
  denominator: number;
  reason?: string;
  /** Ids of the assets (or products) lacking the evidence, sorted; empty for audit accuracy. */
  lacking: string[];
}

const LIFECYCLE_FACT: Record<LifecycleField, (a: Asset) => unknown> = {
  purchaseDate: a => a.purchase?.date,
  warrantyEnd: a => a.warrantyEnd,
  endOfLife: a => a.endOfLife,
  endOfSupport: a => a.endOfSupport,
};

/**
 * Measures every maturity criterion on the evidence:
 * - owner coverage: assets under management with an owner;
 * - lifecycle data completeness: assets under management carrying every lifecycle fact their
 *   class requires (classes requiring none are left out);
 * - audit recency: assets under management verified by an audit completed within the look-back;
 * - audit accuracy: verified ÷ everything those audits checked (see {@link AuditEvidence});
 * - licence reconciliation coverage: products under management with a licence position;
 * - ticket integration: assets in service (deployed or maintenance) linked to at least one ticket;
 * - catalogue integration: assets in service linked to at least one catalogue entity.
 *
 * @throws {@link ItamValidationError} for a bad date, audit or licence position.
 * @public
 */
export function measureMaturityEvidence(
  input: MaturityInput,
  model: MaturityModel,
): Record<MaturityCriterion, CriterionMeasure> {
  const asOf = requireIsoDay(input.asOf, 'asOf', 'maturity input');
  const issues: ValidationIssue[] = [];
  const audits = input.audits ?? [];
  const auditDays = checkAudits(audits, issues);
  if (input.licensing) checkLicencePositions(input.licensing.positions, issues, 'licensing.positions');
  throwIfIssues(issues, 'maturity input');

  const managed = dedupe(input.assets.filter(isUnderManagement));
  const inService = managed.filter(isInService);
  const recentAudits = audits.filter((_, i) => auditDays[i]! <= asOf && auditDays[i]! >= asOf - model.auditLookbackDays);
  const verified = new Set(recentAudits.flatMap(a => a.verifiedAssetIds));
  const ticketed = new Set((input.ticketLinks ?? []).map(l => l.assetId));
  const catalogued = new Set((input.entityLinks ?? []).map(l => l.assetId));
  const requiresFacts = managed.filter(a => model.lifecycleFields[a.assetClass].length > 0);

  const accuracy = recentAudits.reduce(
    (acc, a) => ({
      verified: acc.verified + a.verifiedAssetIds.length,
      checked: acc.checked + auditChecked(a),
    }),
    { verified: 0, checked: 0 },
  );
  const products = [...new Set(input.licensing?.productsUnderManagement ?? [])];
  const positioned = new Set((input.licensing?.positions ?? []).map(p => p.productId));

  const noManaged = 'no assets under management';
  const noInService = 'no assets in service (deployed or in maintenance)';
  return {
    'owner-coverage': share('owner-coverage', managed, a => a.owner !== undefined, noManaged),
    'lifecycle-data-completeness': share(
      'lifecycle-data-completeness',
      requiresFacts,
      a => model.lifecycleFields[a.assetClass].every(f => LIFECYCLE_FACT[f](a) !== undefined),
      'no assets under management of a class that requires lifecycle dates',
    ),
    'audit-recency': share('audit-recency', managed, a => verified.has(a.id), noManaged),
    'audit-accuracy': measure(
      'audit-accuracy',
      accuracy.verified,
      accuracy.checked,
      [],
      `no audit completed in the ${model.auditLookbackDays} days up to ${input.asOf} checked anything`,
    ),
    'licence-reconciliation-coverage': measure(
      'licence-reconciliation-coverage',
      products.filter(p => positioned.has(p)).length,
      products.length,
      products.filter(p => !positioned.has(p)).sort(),
      'no software products under management',
    ),
    'ticket-integration': share('ticket-integration', inService, a => ticketed.has(a.id), noInService),
    'catalogue-integration': share('catalogue-integration', inService, a => catalogued.has(a.id), noInService),
  };
}

/** One entry per asset id: a snapshot listing an asset twice must not count it twice. */
function dedupe(assets: Asset[]): Asset[] {
  return [...new Map(assets.map(a => [a.id, a])).values()];
}

function share(
  criterion: MaturityCriterion,
  population: readonly Asset[],
  has: (a: Asset) => boolean,
  emptyReason: string,
): CriterionMeasure {
  const lacking = population.filter(a => !has(a)).map(a => a.id).sort();
  return measure(criterion, population.length - lacking.length, population.length, lacking, emptyReason);
}

function measure(
  criterion: MaturityCriterion,
  numerator: number,
  denominator: number,
  lacking: string[],
  emptyReason: string,
): CriterionMeasure {
  return denominator === 0
    ? { criterion, value: null, numerator, denominator, reason: emptyReason, lacking }
    : { criterion, value: numerator / denominator, numerator, denominator, lacking };
}
