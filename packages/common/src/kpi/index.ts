/**
 * KPIs of the ITAM practice (see `docs/domain/kpis.md`) over a register snapshot, ticket links, audits, licence
 * positions, lifecycle events and costs for a window, and the ITAM maturity level 1–5 measured
 * from evidence in the register. Pure functions.
 *
 * @packageDocumentation
 */

export {
  KPI_IDS,
  kpiResult,
  unavailableKpi,
  type KpiId,
  type KpiDefinition,
  type KpiResult,
} from './kpiResult';
export type { AssetTicketLink, AuditEvidence, LicenceCompliance, LifecycleEvent } from './kpiInputs';
export { auditEvidenceFromFindings, type AuditFindingLike } from './auditEvidence';
export {
  UNDER_MANAGEMENT_STAGES,
  IN_SERVICE_STAGES,
  isUnderManagement,
  isInService,
  assetsUnderManagement,
} from './registerScope';
export { ASSET_UTILISATION_RATE, assetUtilisationRate, utilisationFromFacts } from './assetUtilisationRate';
export { COST_PER_ASSET, costPerAsset, costPerAssetFromFacts, windowCostFacts, type KpiCosts } from './costPerAsset';
export { LICENCE_COMPLIANCE_RATE, complianceRate, complianceFromFacts, licenceComplianceFacts } from './complianceRate';
export { ASSET_LIFECYCLE_VALUE, assetLifecycleValue, lifecycleValueFromFacts } from './assetLifecycleValue';
export {
  ASSET_FAILURE_INCIDENT_RATE,
  assetFailureIncidentRate,
  countAssetFailures,
  incidentRateFromFacts,
} from './incidentRate';
export { ASSET_TURNOVER_RATE, assetTurnoverRate, retiredWithin, turnoverFromFacts } from './assetTurnoverRate';
export { REGISTER_ACCURACY, registerAccuracy, auditTotals, registerAccuracyFromFacts } from './registerAccuracy';
export { retirementFacts, type KpiFacts, type RetirementFacts } from './kpiFacts';
export { registerCostSelection, purchaseCostFacts, dominantCurrency, type RegisterCostSelection, type PurchaseCostFacts } from './registerCosts';
export { KPI_DEFINITIONS, computeKpis, summariseKpiInput, kpisFromFacts, type KpiInput } from './computeKpis';
export {
  MATURITY_LEVELS,
  MATURITY_CRITERIA,
  LIFECYCLE_FIELDS,
  DEFAULT_MATURITY_MODEL,
  resolveMaturityModel,
  type MaturityLevel,
  type RequiredMaturityLevel,
  type MaturityCriterion,
  type LifecycleField,
  type MaturityModel,
  type MaturityModelOverrides,
} from './maturityModel';
export {
  lifecycleFactBits,
  maturityMeasures,
  measureMaturityEvidence,
  recentAudits,
  requiredLifecycleBits,
  summariseMaturityInput,
  type CriterionMeasure,
  type MaturityFacts,
  type MaturityInput,
  type ShareCount,
} from './maturityEvidence';
export {
  assessItamMaturity,
  assessMaturityFromFacts,
  type MaturityAssessment,
  type MaturityCriterionResult,
  type MaturityGap,
  type MaturityOptions,
} from './itamMaturity';
