/**
 * Change impact (docs/domain/impact.md): a prebuilt graph of assets, catalogue entities, their links and
 * relations, and a bounded walk answering what a change touches, who to tell and how risky it is.
 *
 * @packageDocumentation
 */

export type {
  ImpactAssetInput,
  ImpactAssetLinkInput,
  ImpactEntityLinkInput,
  ImpactEntityInput,
  ImpactRelationInput,
  ImpactIncidentInput,
  ImpactGraphData,
  ImpactGraphEntity,
  ImpactGraphStats,
  ImpactGraph,
  ImpactNodeRef,
  ImpactHop,
  AffectedAsset,
  AffectedEntity,
  OwnerToNotify,
  ChangeRiskFactor,
  ChangeRiskReason,
  ChangeRiskAssessment,
  ChangeWindowInput,
  ChangeImpactQuery,
  ChangeImpactResult,
} from './types';
export { CHANGE_RISK_FACTORS } from './types';
export { IMPACT_EDGE_KINDS, type ImpactEdgeKind } from './relations';
export {
  CHANGE_RISK_LEVELS,
  CHANGE_RISK_LEVEL_THRESHOLDS,
  changeRiskLevel,
  type ChangeRiskLevel,
} from './riskLevel';
export {
  changeImpactOptionsSchema,
  changeImpactQuerySchema,
  type ChangeImpactOptions,
  type ChangeImpactOptionsInput,
} from './options';
export { buildImpactGraph } from './buildImpactGraph';
export { composeImpactGraph } from './compose';
export { walkImpact, walkPath, type ImpactWalk } from './walkImpact';
export { describeImpactHop } from './describeHop';
export { impactNodeLabel } from './text';
export { assetLifecycleConcerns } from './lifecycleConcerns';
export { collectOwnersToNotify, type OwnedImpactItem } from './owners';
export { scoreChangeRisk, type ChangeRiskFacts } from './score';
export { assessChangeImpact, type ImpactVisibility } from './assessChangeImpact';
export { changeWindowFor, type ChangeWindowSource, type SourcedChangeWindow } from './changeWindow';
