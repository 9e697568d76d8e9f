import type { AssetClass } from '../asset/constants';
import type { Asset } from '../asset/types';
import type { ValidationIssue } from '../errors';
import { requireIsoDay } from '../finance/calendar';
import { auditChecked, checkAudits, checkLicencePositions, throwIfIssues, type AuditEvidence, type LicenceCompliance } from './kpiInputs';
import { LIFECYCLE_FIELDS, type LifecycleField, type MaturityCriterion, type MaturityModel } from './maturityModel';
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
  /** How many assets (or products) lack the evidence. */
  lackingCount: number;
  /** Ids of the assets (or products) lacking the evidence, sorted, the first of them only when the facts were counted with a limit; empty for audit accuracy. */
  lacking: string[];
}

/**
 * A share criterion counted: how many items it is measured on, how many lack the evidence, and
 * the first of those by id (all of them, unless counted with a limit).
 *
 * @public
 */
export interface ShareCount {
  population: number;
  lackingCount: number;
  lacking: string[];
}

/**
 * What maturity is measured from, counted: the facts {@link maturityMeasures} turns into shares.
 * {@link summariseMaturityInput} counts them from lists; a database can count them with
 * aggregate queries (the two must agree).
 *
 * @public
 */
export interface MaturityFacts {
  asOf: string;
  ownerCoverage: ShareCount;
  lifecycleCompleteness: ShareCount;
  auditRecency: ShareCount;
  /** Verified ÷ checked over the audits completed within the look-back. */
  auditAccuracy: { verified: number; checked: number };
  licenceCoverage: ShareCount;
  ticketIntegration: ShareCount;
  catalogueIntegration: ShareCount;
}

const LIFECYCLE_FACT: Record<LifecycleField, (a: Asset) => unknown> = {
  purchaseDate: a => a.purchase?.date,
  warrantyEnd: a => a.warrantyEnd,
  endOfLife: a => a.endOfLife,
  endOfSupport: a => a.endOfSupport,
};

/**
 * The lifecycle facts an asset carries, as bits in {@link LIFECYCLE_FIELDS} order (purchase date
 * 1, warranty end 2, end of life 4, end of support 8): what a register stores per asset so
 * lifecycle completeness can be counted without reading the assets.
 *
 * @public
 */
export function lifecycleFactBits(asset: Asset): number {
  return LIFECYCLE_FIELDS.reduce((bits, f, i) => (LIFECYCLE_FACT[f](asset) !== undefined ? bits | (1 << i) : bits), 0);
}

/**
 * The bits of {@link lifecycleFactBits} a class must carry under the model (0: the class is left
 * out of lifecycle completeness).
 *
 * @public
 */
export function requiredLifecycleBits(model: MaturityModel, assetClass: AssetClass): number {
  return model.lifecycleFields[assetClass].reduce((bits, f) => bits | (1 << LIFECYCLE_FIELDS.indexOf(f)), 0);
}

/**
 * The audits that count on `asOf`: completed within the model's look-back up to that day.
 *
 * @throws {@link ItamValidationError} for a bad date or audit.
 * @public
 */
export function recentAudits(asOf: string, audits: readonly AuditEvidence[], model: MaturityModel): AuditEvidence[] {
  const day = requireIsoDay(asOf, 'asOf', 'maturity input');
  const issues: ValidationIssue[] = [];
  const auditDays = checkAudits(audits, issues);
  throwIfIssues(issues, 'maturity input');
  return audits.filter((_, i) => auditDays[i]! <= day && auditDays[i]! >= day - model.auditLookbackDays);
}

/**
 * The maturity facts of lists of evidence (the definition a database's counting must equal).
 * `maxLacking` limits the ids listed per criterion (counts stay complete).
 *
 * @throws {@link ItamValidationError} for a bad date, audit or licence position.
 * @public
 */
export function summariseMaturityInput(input: MaturityInput, model: MaturityModel, maxLacking = Infinity): MaturityFacts {
  const issues: ValidationIssue[] = [];
  if (input.licensing) checkLicencePositions(input.licensing.positions, issues, 'licensing.positions');
  throwIfIssues(issues, 'maturity input');
  const recent = recentAudits(input.asOf, input.audits ?? [], model);

  const managed = dedupe(input.assets.filter(isUnderManagement));
  const inService = managed.filter(isInService);
  const verified = new Set(recent.flatMap(a => a.verifiedAssetIds));
  const ticketed = new Set((input.ticketLinks ?? []).map(l => l.assetId));
  const catalogued = new Set((input.entityLinks ?? []).map(l => l.assetId));
  const requiresFacts = managed.filter(a => requiredLifecycleBits(model, a.assetClass) !== 0);
  const products = [...new Set(input.licensing?.productsUnderManagement ?? [])];
  const positioned = new Set((input.licensing?.positions ?? []).map(p => p.productId));

  const count = <T>(population: readonly T[], has: (item: T) => boolean, id: (item: T) => string): ShareCount => {
    const lacking = population.filter(item => !has(item)).map(id).sort();
    return { population: population.length, lackingCount: lacking.length, lacking: lacking.slice(0, maxLacking) };
  };
  const assetId = (a: Asset) => a.id;
  return {
    asOf: input.asOf,
    ownerCoverage: count(managed, a => a.owner !== undefined, assetId),
    lifecycleCompleteness: count(
      requiresFacts,
      a => {
        const required = requiredLifecycleBits(model, a.assetClass);
        return (lifecycleFactBits(a) & required) === required;
      },
      assetId,
    ),
    auditRecency: count(managed, a => verified.has(a.id), assetId),
    auditAccuracy: recent.reduce(
      (acc, a) => ({ verified: acc.verified + a.verifiedAssetIds.length, checked: acc.checked + auditChecked(a) }),
      { verified: 0, checked: 0 },
    ),
    licenceCoverage: count(products, p => positioned.has(p), p => p),
    ticketIntegration: count(inService, a => ticketed.has(a.id), assetId),
    catalogueIntegration: count(inService, a => catalogued.has(a.id), assetId),
  };
}

/**
 * Every maturity criterion measured from its counted facts:
 * - owner coverage: assets under management with an owner;
 * - lifecycle data completeness: assets under management carrying every lifecycle fact their
 *   class requires (classes requiring none are left out);
 * - audit recency: assets under management verified by an audit completed within the look-back;
 * - audit accuracy: verified ÷ everything those audits checked (see {@link AuditEvidence});
 * - licence reconciliation coverage: products under management with a licence position;
 * - ticket integration: assets in service (deployed or maintenance) linked to at least one ticket;
 * - catalogue integration: assets in service linked to at least one catalogue entity.
 *
 * @public
 */
export function maturityMeasures(facts: MaturityFacts, model: MaturityModel): Record<MaturityCriterion, CriterionMeasure> {
  const noManaged = 'no assets under management';
  const noInService = 'no assets in service (deployed or in maintenance)';
  return {
    'owner-coverage': share('owner-coverage', facts.ownerCoverage, noManaged),
    'lifecycle-data-completeness': share(
      'lifecycle-data-completeness',
      facts.lifecycleCompleteness,
      'no assets under management of a class that requires lifecycle dates',
    ),
    'audit-recency': share('audit-recency', facts.auditRecency, noManaged),
    'audit-accuracy': measure(
      'audit-accuracy',
      facts.auditAccuracy.verified,
      facts.auditAccuracy.checked,
      0,
      [],
      `no audit completed in the ${model.auditLookbackDays} days up to ${facts.asOf} checked anything`,
    ),
    'licence-reconciliation-coverage': share('licence-reconciliation-coverage', facts.licenceCoverage, 'no software products under management'),
    'ticket-integration': share('ticket-integration', facts.ticketIntegration, noInService),
    'catalogue-integration': share('catalogue-integration', facts.catalogueIntegration, noInService),
  };
}

/**
 * Measures every maturity criterion on lists of evidence ({@link maturityMeasures} of
 * {@link summariseMaturityInput}), listing every lacking id.
 *
 * @throws {@link ItamValidationError} for a bad date, audit or licence position.
 * @public
 */
export function measureMaturityEvidence(
  input: MaturityInput,
  model: MaturityModel,
): Record<MaturityCriterion, CriterionMeasure> {
  return maturityMeasures(summariseMaturityInput(input, model), model);
}

/** One entry per asset id: a snapshot listing an asset twice must not count it twice. */
function dedupe(assets: Asset[]): Asset[] {
  return [...new Map(assets.map(a => [a.id, a])).values()];
}

function share(criterion: MaturityCriterion, count: ShareCount, emptyReason: string): CriterionMeasure {
  return measure(criterion, count.population - count.lackingCount, count.population, count.lackingCount, count.lacking, emptyReason);
}

function measure(
  criterion: MaturityCriterion,
  numerator: number,
  denominator: number,
  lackingCount: number,
  lacking: string[],
  emptyReason: string,
): CriterionMeasure {
  return denominator === 0
    ? { criterion, value: null, numerator, denominator, reason: emptyReason, lackingCount, lacking }
    : { criterion, value: numerator / denominator, numerator, denominator, lackingCount, lacking };
}
