/**
 * Risk findings over the asset register (docs/domain/risks.md): pure rules with configurable thresholds,
 * each finding carrying a rule id, a severity, its subject, an explanation and an action.
 *
 * @packageDocumentation
 */

export { RISK_SEVERITIES, compareRiskSeverity, type RiskSeverity } from './severity';
export { RISK_RULE_IDS, RISK_RULE_DESCRIPTIONS, type RiskRuleId } from './ruleIds';
export {
  riskConfigSchema,
  parseRiskConfig,
  DEFAULT_RISK_CONFIG,
  type RiskConfig,
  type RiskConfigInput,
} from './config';
export type {
  RiskAsset,
  LicenceShortfallInput,
  EntitlementExpiryInput,
  AuditVerificationInput,
  DiscoveryObservationInput,
  RiskEvaluationInput,
  RiskSubject,
  RiskSubjectKind,
  RiskFinding,
  RiskContext,
  RiskRule,
} from './types';
export { RISK_SUBJECT_KINDS } from './types';
export { compareRiskFindings } from './order';
export {
  riskFindingKey,
  riskFindingSortLabel,
  emptyRiskFindingCounts,
  riskFindingCountsFromGroups,
  countRiskFindings,
  type RiskFindingCounts,
  type RiskFindingFacetFilter,
} from './listing';
export { RISK_RULES } from './rules/catalogue';
export { buildRiskContext, evaluateRiskFindings } from './evaluate';
export { endOfLifeRule } from './rules/endOfLife';
export { endOfSupportRule } from './rules/endOfSupport';
export { warrantyExpiredRule } from './rules/warrantyExpired';
export { licenceShortfallRule } from './rules/licenceShortfall';
export { entitlementExpiringRule } from './rules/entitlementExpiring';
export { assetWithoutOwnerRule } from './rules/assetWithoutOwner';
export { auditOverdueRule } from './rules/auditOverdue';
export { retiredNotSanitisedRule } from './rules/retiredNotSanitised';
export { unregisteredDiscoveredRule } from './rules/unregisteredDiscovered';
