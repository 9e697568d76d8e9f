import type { Asset } from '../asset/types';
import type { RiskConfig } from './config';
import type { RiskRuleId } from './ruleIds';
import type { RiskSeverity } from './severity';

/**
 * The asset fields the risk rules read. A stored {@link Asset} satisfies it, so the backend can
 * pass register rows as they are.
 *
 * @public
 */
export type RiskAsset = Pick<
  Asset,
  | 'id'
  | 'tag'
  | 'name'
  | 'criticality'
  | 'lifecycleStage'
  | 'dataClassification'
  | 'owner'
  | 'endOfLife'
  | 'endOfSupport'
  | 'warrantyEnd'
  | 'sanitisation'
  | 'serialNumber'
  | 'externalIds'
>;

/**
 * A software product short of rights, as the licence position reports it. Kept structural so
 * this module does not depend on the licence module.
 *
 * @public
 */
export interface LicenceShortfallInput {
  productId: string;
  /** Display name, e.g. `Microsoft SQL Server 2022 Enterprise`. */
  productName: string;
  /** Licences missing, as a positive number; zero or less means no shortfall and is skipped. */
  shortfall: number;
  /** Assets of the devices whose consumption is not covered (or all consuming devices). */
  deviceAssetIds: readonly string[];
}

/**
 * An entitlement whose end date is checked.
 *
 * @public
 */
export interface EntitlementExpiryInput {
  id: string;
  /** The product it licenses, as text for the explanation. */
  product: string;
  /** Last day of the term, `YYYY-MM-DD`; perpetual rights have none and never expire. */
  termEnd?: string;
}

/**
 * The latest day an audit saw an asset.
 *
 * @public
 */
export interface AuditVerificationInput {
  assetId: string;
  /** `YYYY-MM-DD`. If an asset appears several times the latest day counts. */
  verifiedOn: string;
}

/**
 * A device a discovery tool reported.
 *
 * @public
 */
export interface DiscoveryObservationInput {
  /** Discovery tool, e.g. `glpi` (matches `externalIds[].source` of assets). */
  source: string;
  /** The tool's own id for the device (matches `externalIds[].sourceId`). */
  sourceId: string;
  serialNumber?: string;
  /** Host name or model, to tell the asset manager what was seen. */
  name?: string;
  /** Last day the tool saw it, `YYYY-MM-DD`. */
  seenOn?: string;
}

/**
 * Everything the risk rules look at. Only `asOf` and `assets` are required; a rule whose input
 * is missing finds nothing.
 *
 * @public
 */
export interface RiskEvaluationInput {
  /** The evaluation day (`YYYY-MM-DD`, or an ISO date-time whose UTC day is used). */
  asOf: string;
  assets: readonly RiskAsset[];
  licenceShortfalls?: readonly LicenceShortfallInput[];
  entitlements?: readonly EntitlementExpiryInput[];
  verifications?: readonly AuditVerificationInput[];
  discoveries?: readonly DiscoveryObservationInput[];
  /**
   * Tags of assets other records name (e.g. the devices of a licence shortfall) when `assets`
   * does not hold them: the backend evaluates the asset rules batch by batch and the licence
   * rules once, without the whole register in memory.
   */
  assetTags?: ReadonlyMap<string, string>;
}

/**
 * The kinds of subject a finding can be about.
 *
 * @public
 */
export const RISK_SUBJECT_KINDS = ['asset', 'product', 'entitlement', 'discovery'] as const;
/** @public */
export type RiskSubjectKind = (typeof RISK_SUBJECT_KINDS)[number];

/**
 * What a finding is about: an asset, a software product, an entitlement or a discovered device.
 *
 * @public
 */
export interface RiskSubject {
  kind: RiskSubjectKind;
  /** Asset id, product id, entitlement id, or `source:sourceId` of a discovered device. */
  id: string;
  /** What a person recognises: asset tag, product name, entitlement id, device name. */
  label: string;
}

/**
 * One risk found in the estate.
 *
 * @public
 */
export interface RiskFinding {
  ruleId: RiskRuleId;
  severity: RiskSeverity;
  subject: RiskSubject;
  /** Set when the finding is about one asset. */
  assetId?: string;
  /** Tag of that asset, for display and ordering. */
  assetTag?: string;
  /** Other assets involved, e.g. the devices of a licence shortfall (sorted by tag). */
  relatedAssetIds?: string[];
  /** Why this was raised, with the concrete dates and numbers. */
  explanation: string;
  /** What an asset manager should do about it. */
  suggestedAction: string;
}

/**
 * What every rule receives: the input, the validated configuration and indexes built once.
 *
 * @public
 */
export interface RiskContext {
  input: RiskEvaluationInput;
  config: RiskConfig;
  /** The evaluation day, `YYYY-MM-DD`. */
  asOf: string;
  /** `asOf` as whole days since 1970-01-01. */
  asOfDay: number;
  assetsById: ReadonlyMap<string, RiskAsset>;
}

/**
 * A risk rule: a pure function from the context to its findings.
 *
 * @public
 */
export interface RiskRule {
  id: RiskRuleId;
  evaluate(ctx: RiskContext): RiskFinding[];
}
