import type { Asset } from '../asset/types';
import type { ValidationIssue } from '../errors';
import { parseDateWindow, type DateWindow } from '../finance/dateWindow';
import { ASSET_LIFECYCLE_VALUE, lifecycleValueFromFacts } from './assetLifecycleValue';
import { ASSET_TURNOVER_RATE, retiredWithin, turnoverFromFacts } from './assetTurnoverRate';
import { ASSET_UTILISATION_RATE, utilisationFromFacts } from './assetUtilisationRate';
import { complianceFromFacts, LICENCE_COMPLIANCE_RATE, licenceComplianceFacts } from './complianceRate';
import { COST_PER_ASSET, costPerAssetFromFacts, windowCostFacts, type KpiCosts } from './costPerAsset';
import { ASSET_FAILURE_INCIDENT_RATE, countAssetFailures, incidentRateFromFacts } from './incidentRate';
import { retirementFacts, type KpiFacts, type RetirementFacts } from './kpiFacts';
import {
  checkLicencePositions,
  throwIfIssues,
  type AssetTicketLink,
  type AuditEvidence,
  type LicenceCompliance,
  type LifecycleEvent,
} from './kpiInputs';
import { unavailableKpi, type KpiDefinition, type KpiResult } from './kpiResult';
import { auditTotals, REGISTER_ACCURACY, registerAccuracyFromFacts } from './registerAccuracy';
import { assetsUnderManagement } from './registerScope';

/**
 * Every KPI's definition, in the order {@link computeKpis} returns them.
 *
 * @public
 */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  ASSET_UTILISATION_RATE,
  COST_PER_ASSET,
  LICENCE_COMPLIANCE_RATE,
  ASSET_LIFECYCLE_VALUE,
  ASSET_FAILURE_INCIDENT_RATE,
  ASSET_TURNOVER_RATE,
  REGISTER_ACCURACY,
];

/**
 * Everything the KPIs read for one window. Inputs left out (`undefined`) make the KPIs that need
 * them come back with `value: null` and a reason; an empty list is data (e.g. "no incidents").
 *
 * @public
 */
export interface KpiInput {
  window: DateWindow;
  /** The register snapshot, taken at the end of the window. */
  assets: readonly Asset[];
  ticketLinks?: readonly AssetTicketLink[];
  audits?: readonly AuditEvidence[];
  licencePositions?: readonly LicenceCompliance[];
  /** Lifecycle transitions (history events), for turnover and lifecycle value. */
  lifecycleEvents?: readonly LifecycleEvent[];
  costs?: KpiCosts;
}

/**
 * Gathers from whole lists the facts each KPI counts (see {@link KpiFacts}): the in-memory
 * definition a database's aggregate queries must agree with.
 *
 * @throws {@link ItamValidationError} for a bad window or input, with the field path.
 * @public
 */
export function summariseKpiInput(input: KpiInput): KpiFacts {
  const { window, assets } = input;
  parseDateWindow(window, 'window', 'KPI input');
  const managed = assetsUnderManagement(assets);
  const deployed = new Set(assets.filter(a => a.lifecycleStage === 'deployed').map(a => a.id));
  let retirements: RetirementFacts[] | undefined;
  if (input.lifecycleEvents) {
    const byId = new Map(assets.map(a => [a.id, a]));
    retirements = retirementFacts(retiredWithin(window, input.lifecycleEvents), id => byId.get(id));
  }
  if (input.licencePositions) {
    const issues: ValidationIssue[] = [];
    checkLicencePositions(input.licencePositions, issues);
    throwIfIssues(issues, 'KPI input');
  }
  return {
    window,
    underManagement: managed.size,
    deployed: deployed.size,
    ...(input.costs ? { cost: windowCostFacts(window, input.costs, managed) } : {}),
    ...(retirements ? { retirements } : {}),
    ...(input.ticketLinks ? { incidentFailures: countAssetFailures(window, input.ticketLinks, id => managed.has(id)) } : {}),
    ...(input.licencePositions ? { licences: licenceComplianceFacts(input.licencePositions) } : {}),
    ...(input.audits ? { audits: auditTotals(window, input.audits) } : {}),
  };
}

/**
 * The seven KPIs from their facts, in {@link KPI_DEFINITIONS} order; a fact left out gives its
 * KPIs `value: null` and a reason.
 *
 * @throws {@link ItamValidationError} for a bad window.
 * @public
 */
export function kpisFromFacts(facts: KpiFacts): KpiResult[] {
  const { window } = facts;
  parseDateWindow(window, 'window', 'KPI input');
  const missing = (d: KpiDefinition, what: string) => unavailableKpi(d, window, `no ${what} supplied`);
  return [
    utilisationFromFacts(facts),
    facts.cost ? costPerAssetFromFacts({ ...facts, cost: facts.cost }) : missing(COST_PER_ASSET, 'cost data'),
    facts.licences ? complianceFromFacts(window, facts.licences) : missing(LICENCE_COMPLIANCE_RATE, 'licence positions'),
    facts.retirements
      ? lifecycleValueFromFacts(window, facts.retirements)
      : missing(ASSET_LIFECYCLE_VALUE, 'lifecycle events'),
    facts.incidentFailures !== undefined
      ? incidentRateFromFacts({ ...facts, incidentFailures: facts.incidentFailures })
      : missing(ASSET_FAILURE_INCIDENT_RATE, 'ticket links'),
    facts.retirements
      ? turnoverFromFacts({ ...facts, retirements: facts.retirements })
      : missing(ASSET_TURNOVER_RATE, 'lifecycle events'),
    facts.audits ? registerAccuracyFromFacts(window, facts.audits) : missing(REGISTER_ACCURACY, 'audit results'),
  ];
}

/**
 * Computes the seven KPIs (utilisation, cost per asset, compliance, lifecycle value, incident
 * rate, turnover, plus register accuracy; see `docs/domain/kpis.md`) for a window, in
 * {@link KPI_DEFINITIONS} order.
 *
 * @throws {@link ItamValidationError} for a bad window or input, with the field path.
 * @public
 */
export function computeKpis(input: KpiInput): KpiResult[] {
  return kpisFromFacts(summariseKpiInput(input));
}
