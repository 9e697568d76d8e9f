// Type checks, for the compiler only: the client's types against the types generated from the
// backend's OpenAPI document (api.generated.ts, see scripts/openapi/types.ts). When the document
// changes a body the client reads, this file stops compiling until the client's types follow.
import type { components, operations } from './api.generated';
import type { JiraConnection, JiraIssueAsset } from './ItamJiraClient';
import type {
  AssetTicket,
  AuditCampaignWithResult,
  AuditFindingsPage,
  ChangeImpactResponse,
  ImpactRequest,
  ItamSettings,
  KpiReport,
  LicencePositionResponse,
  LicencePositionsResponse,
  RiskFindingItem,
  RiskFindingsResponse,
  StoredAssetLinkDto,
} from './types';
import type { AuditCampaign } from '../audit/campaign';
import type { AuditFinding, AuditSummary } from '../audit/findings';
import type { AuditObservationInput, AuditScope, NewAuditCampaignInput } from '../audit/schema';
import type { MaturityAssessment } from '../kpi/itamMaturity';
import type { KpiResult } from '../kpi/kpiResult';
import type { AssetLicences, AssetLicenceSummary, InstalledProductLicence } from '../licence/assetLicences';
import type { ListedProductPosition } from '../licence/listedPosition';
import type { LicencePositionSummary, MetricPosition } from '../licence/resultTypes';
import type { RiskFindingCounts } from '../risk/listing';
import type { Asset, AssetPatchInput, NewAssetInput } from '../asset/types';
import type { AssetLink, EntityLink, TicketLink } from '../links/schema';
import type { RuleViolation } from '../errors';
import type { TransitionOption } from '../lifecycle/transition';

type Schemas = components['schemas'];
/** The JSON body of an operation's `status` response. */
type ResponseBody<Op extends keyof operations, Status extends number> = operations[Op]['responses'] extends Record<Status, { content: { 'application/json': infer Body } }> ? Body : never;
/** True when a value of `From` is a value of `To`. */
type Assignable<From, To> = [From] extends [To] ? true : false;
/** Assignable both ways, with the same properties (optional ones included). */
type Same<A, B> = Assignable<A, B> extends true ? (Assignable<B, A> extends true ? Assignable<[keyof A, keyof B], [keyof B, keyof A]> : false) : false;

/** Each entry must be `true`: a `false` names the type that drifted from the document. */
export type ClientContractChecks = {
  asset: Same<Asset, Schemas['Asset']>;
  newAsset: Same<NewAssetInput, Schemas['NewAsset']>;
  assetPatch: Same<AssetPatchInput, Schemas['AssetPatch']>;
  assetLink: Same<AssetLink, Schemas['AssetLink']>;
  storedAssetLink: Assignable<StoredAssetLinkDto, Schemas['StoredAssetLink']>;
  entityLink: Same<EntityLink, Schemas['EntityLink']>;
  ticketLink: Same<TicketLink, Schemas['TicketLink']>;
  assetTicket: Same<AssetTicket, Schemas['AssetTicket']>;
  ruleViolation: Same<RuleViolation, Schemas['RuleViolation']>;
  transitionOption: Assignable<TransitionOption, Schemas['TransitionOption']>;
  settings: Same<ItamSettings, ResponseBody<'getSettings', 200>>;
  jiraConnection: Same<JiraConnection, Schemas['JiraConnection']>;
  // The client merges each asset's licence status into the item it came beside.
  jiraIssueAsset: Assignable<Omit<JiraIssueAsset, 'licences'>, Schemas['JiraIssueAsset']>;
  auditScope: Same<AuditScope, Schemas['AuditScope']>;
  newAuditCampaign: Assignable<NewAuditCampaignInput, Schemas['NewAuditCampaign']>;
  auditSummary: Same<AuditSummary, Schemas['AuditSummary']>;
  auditCampaign: Same<AuditCampaign, Schemas['AuditCampaign']>;
  auditCampaignWithResult: Same<AuditCampaignWithResult, ResponseBody<'getAuditCampaign', 200>>;
  auditObservation: Assignable<AuditObservationInput, Schemas['AuditObservation']>;
  auditFinding: Same<AuditFinding, Schemas['AuditFinding']>;
  auditFindingsPage: Same<AuditFindingsPage, ResponseBody<'listAuditFindings', 200>>;
  riskFinding: Same<RiskFindingItem, Schemas['RiskFindingItem']>;
  riskFindingCounts: Same<RiskFindingCounts, Schemas['RiskFindingCounts']>;
  riskFindingsPage: Same<RiskFindingsResponse, ResponseBody<'getRiskFindings', 200>>;
  kpiResult: Same<KpiResult, Schemas['KpiResult']>;
  kpiReport: Same<KpiReport, Schemas['KpiReport']>;
  // Levels are numbers here and JSON keys in the document: the answer is checked one way.
  maturity: Assignable<ResponseBody<'getMaturity', 200>, Omit<MaturityAssessment, 'criteria'>>;
  impactRequest: Assignable<ImpactRequest, Schemas['ImpactRequest']>;
  changeImpact: Assignable<ResponseBody<'assessChangeImpact', 200>, ChangeImpactResponse>;
  installedProductLicence: Same<InstalledProductLicence, Schemas['InstalledProductLicence']>;
  assetLicenceSummary: Same<AssetLicenceSummary, Schemas['AssetLicenceSummary']>;
  assetLicences: Same<AssetLicences, Schemas['AssetLicences']>;
  metricPosition: Same<MetricPosition, Schemas['MetricPosition']>;
  licencePositionSummary: Same<LicencePositionSummary, Schemas['LicencePositionSummary']>;
  listedProductPosition: Same<ListedProductPosition, Schemas['ListedProductPosition']>;
  licencePositions: Same<LicencePositionsResponse, ResponseBody<'getLicencePositions', 200>>;
  // The explanation's lists are read-only in the domain: the answer is checked one way.
  licencePosition: Assignable<ResponseBody<'getLicencePosition', 200>, LicencePositionResponse>;
};

const everyCheckHolds: ClientContractChecks = {
  asset: true,
  newAsset: true,
  assetPatch: true,
  assetLink: true,
  storedAssetLink: true,
  entityLink: true,
  ticketLink: true,
  assetTicket: true,
  ruleViolation: true,
  transitionOption: true,
  settings: true,
  jiraConnection: true,
  jiraIssueAsset: true,
  auditScope: true,
  newAuditCampaign: true,
  auditSummary: true,
  auditCampaign: true,
  auditCampaignWithResult: true,
  auditObservation: true,
  auditFinding: true,
  auditFindingsPage: true,
  riskFinding: true,
  riskFindingCounts: true,
  riskFindingsPage: true,
  kpiResult: true,
  kpiReport: true,
  maturity: true,
  impactRequest: true,
  changeImpact: true,
  installedProductLicence: true,
  assetLicenceSummary: true,
  assetLicences: true,
  metricPosition: true,
  licencePositionSummary: true,
  listedProductPosition: true,
  licencePositions: true,
  licencePosition: true,
};
void everyCheckHolds;
