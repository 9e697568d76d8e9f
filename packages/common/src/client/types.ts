import type { AssetClass, LifecycleStage } from '../asset/constants';
import type { AuditCampaign } from '../audit/campaign';
import type { AuditFinding, AuditFindingKind, AuditSummary } from '../audit/findings';
import type { AuditObservationInput, NewAuditCampaignInput } from '../audit/schema';
import type { ImportEncoding, ImportFormat, ImportJob, ImportMode, SnipeItKind } from '../imports/job';
import type { DateFormat } from '../imports/dates';
import type { UnknownPeoplePolicy } from '../imports/people';
import type { Asset, AssetPatchInput, NewAssetInput, SanitisationRecord } from '../asset/types';
import type { HistoryEvent } from '../history/events';
import type { AssetLicences, AssetLicenceSummary } from '../licence/assetLicences';
import type { NoticeWindows } from '../lifecycle/dateStatus';
import type { ChangeImpactOptionsInput } from '../impact/options';
import type { ChangeImpactResult } from '../impact/types';
import type { KpiResult } from '../kpi/kpiResult';
import type { MaturityAssessment } from '../kpi/itamMaturity';
import type { LicencePositionReport, ProductPosition } from '../licence/resultTypes';
import type { ListedProductPosition } from '../licence/listedPosition';
import type { StoredEntitlement, StoredInstallation, StoredProduct } from '../licence/stored';
import type { RiskFinding } from '../risk/types';
import type { RiskFindingCounts } from '../risk/listing';
import type { RiskRuleId } from '../risk/ruleIds';
import type { RiskSeverity } from '../risk/severity';
import type { TransitionOption } from '../lifecycle/transition';
import type {
  AssetLink,
  AssetLinkInput,
  EntityLink,
  EntityLinkInput,
  TicketLink,
  TicketLinkInput,
} from '../links/schema';

/**
 * A page of a cursor-paginated list.
 *
 * @public
 */
export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
}

/**
 * The most asset ids one register list request may name (`AssetListQuery.id`).
 *
 * @public
 */
export const MAX_ASSET_IDS_PER_LIST = 100;

/**
 * Filters of the asset register list. All given filters must match.
 *
 * @public
 */
export interface AssetListQuery {
  assetClass?: AssetClass;
  type?: string;
  lifecycleStage?: LifecycleStage;
  /** Owner entity ref, e.g. `group:default/sre`. */
  owner?: string;
  /** Assets linked to this catalogue entity ref. */
  entityRef?: string;
  /** Case-insensitive text search on tag, name and serial number. */
  q?: string;
  /**
   * Only these assets, by id (at most {@link MAX_ASSET_IDS_PER_LIST}): one request for the tags or
   * names of assets a page knows only by id. Ids that do not exist or are not visible are left out.
   */
  id?: readonly string[];
  /** `entityLinks` adds each asset's catalogue links to the page (one extra query, not one per asset). */
  include?: 'entityLinks';
  /** Page size, 1 to 500 (default 50). */
  limit?: number;
  cursor?: string;
}

/**
 * An asset in a list page; `entityLinks` is present when the query asked to include them.
 *
 * @public
 */
export type ListedAsset = Asset & { entityLinks?: EntityLink[] };

/**
 * A request to move an asset to another lifecycle stage.
 *
 * @public
 */
export interface TransitionInput {
  to: LifecycleStage;
  reason?: string;
  sanitisation?: SanitisationRecord;
}

/**
 * An asset linked to a catalogue entity, with the link's role.
 *
 * @public
 */
export interface EntityAsset {
  asset: Asset;
  role: EntityLink['role'];
  /** The asset's licence status, when the list was asked for it (`include=licences`). */
  licences?: AssetLicenceSummary;
}

/**
 * An asset↔asset link as the API returns it: `sourceAssetId` is `type` of `targetAssetId`.
 *
 * @public
 */
export interface StoredAssetLinkDto extends AssetLink {
  sourceAssetId: string;
}

/**
 * A Jira ticket linked to an asset, with who linked it and when.
 *
 * @public
 */
export interface AssetTicket extends TicketLink {
  assetId: string;
  createdAt: string;
  createdBy: string;
}

/**
 * The KPI dashboard of a window: each KPI with its formula, and how many assets' costs were left
 * out because they are in another currency (amounts are never converted).
 *
 * @public
 */
export interface KpiReport {
  window: { from: string; to: string };
  currency?: string;
  /** Costed assets in another currency, left out of the cost KPI (amounts are never converted). */
  assetsWithOtherCurrency: number;
  /** Costed assets in the currency without a purchase date, left out as no window holds them. */
  assetsWithUndatedCost: number;
  kpis: KpiResult[];
}

/**
 * How the register's configuration judges an asset's dates and tier (`GET /settings`): the
 * notice windows of `assetDateStatus` and the highest critical tier of `isCriticalTier`.
 *
 * @public
 */
export interface ItamSettings {
  noticeWindows: NoticeWindows;
  criticalTierMax: number;
}

/**
 * A filtered page of the risk findings (`GET /risks`). Each filter takes one or more values (any
 * of them matches); absent filters match everything.
 *
 * @public
 */
export interface RiskFindingsQuery {
  severity?: RiskSeverity | RiskSeverity[];
  ruleId?: RiskRuleId | RiskRuleId[];
  /** Findings about assets this entity (the owner field, e.g. `group:default/platform`) owns. */
  owner?: string;
  /** Findings about the assets linked to this catalogue entity. */
  entityRef?: string;
  /** Findings about these assets (at most 200). */
  assetId?: string | string[];
  limit?: number;
  cursor?: string;
}

/** A page of risk findings, most severe first, with the counts of the whole filtered list. @public */
export interface RiskFindingsResponse {
  /** When the scheduled task last evaluated every asset (writes refresh their own assets' findings since). */
  computedAt: string;
  items: RiskFindingItem[];
  /** Where the next page starts; absent on the last page. */
  nextCursor?: string;
  counts: RiskFindingCounts;
}

/** A risk finding as listed: with its key and the day it was first found. @public */
export type RiskFindingItem = RiskFinding & { key: string; firstSeen: string };

/**
 * Every product's licence position as the latest reconciliation stored it: the report's header
 * and each product's figures (its harvest candidates and explanation are on its own page).
 *
 * @public
 */
export type LicencePositionsResponse = Omit<LicencePositionReport, 'products'> & { computedAt: string; products: ListedProductPosition[] };

/**
 * One product's licence position with its harvest candidates and full explanation, reconciled
 * for its product family from the evidence when asked (`computedAt`), as of the day of the stored
 * positions (`asOf`).
 *
 * @public
 */
export type LicencePositionResponse = ProductPosition & {
  computedAt: string;
  asOf: string;
  harvestAfterDays: number;
};

/** An installation as listed, with the product recognition matched it to. @public */
export type ListedInstallation = StoredInstallation & { matchedProductId: string | null };

/**
 * What a change names, for an impact assessment: assets by id or tag, catalogue entity refs, and
 * the change window.
 *
 * @public
 */
export interface ImpactRequest {
  assets?: string[];
  entityRefs?: string[];
  /** When the change is carried out; the backend assesses the next 24 hours when absent. */
  window?: { start: string; end: string; inMaintenanceWindow?: boolean };
  options?: ChangeImpactOptionsInput;
}

/**
 * A change's impact (`POST /impact`) with the window it was assessed for.
 *
 * @public
 */
export type ChangeImpactResponse = ChangeImpactResult & { window: { start: string; end: string; inMaintenanceWindow?: boolean } };

/**
 * An import upload: the file's text in one of the formats, optionally as a dry run.
 *
 * @public
 */
export interface ImportRequest {
  format: ImportFormat;
  /**
   * The whole file: its bytes as read from disk (the server detects the encoding), or text
   * (CSV for `snipeit-csv` and `itam-csv`, JSON for the JSON formats).
   */
  content: string | Uint8Array;
  /** What a Snipe-IT file holds; told from its header when absent. */
  kind?: SnipeItKind;
  /** The file's text encoding; detected when absent. */
  encoding?: ImportEncoding;
  /** The layout of numeric dates; inferred per column when absent. */
  dateFormat?: DateFormat;
  /** The decimal separator of amounts (`.` by default). */
  decimalSeparator?: '.' | ',';
  /** `atomic` (default) or `valid-rows`. */
  mode?: ImportMode;
  /** What to do with people the catalogue does not know (`keep-as-text` by default). */
  unknownPeople?: UnknownPeoplePolicy;
  /** Report what the import would change without writing anything. */
  dryRun?: boolean;
  /** Currency of the file's amounts where it does not say (Snipe-IT), ISO 4217. */
  currency?: string;
  /**
   * A UUID for the job, chosen by the caller so it can follow the job with `getImport` while the
   * upload runs (the upload answers only when the job has finished).
   */
  jobId?: string;
}

/**
 * An audit campaign with its figures: live while open, frozen when closed.
 *
 * @public
 */
export type AuditCampaignWithResult = AuditCampaign & { result: AuditSummary };

/**
 * Which findings of an audit campaign to list: one kind or all, a page at a time.
 *
 * @public
 */
export interface AuditFindingsQuery {
  kind?: AuditFindingKind;
  /** Findings per page, 1 to 500 (default 50). */
  limit?: number;
  cursor?: string;
}

/**
 * A page of an audit campaign's findings: the in-scope assets in tag order, then the unexpected
 * finds in the order they were observed.
 *
 * @public
 */
export interface AuditFindingsPage {
  items: AuditFinding[];
  /** Where the next page starts; absent on the last page. */
  nextCursor?: string;
}

/**
 * The ITAM backend API as the typed client offers it.
 *
 * @public
 */
export interface ItamApi {
  listAssets(query?: AssetListQuery): Promise<Page<ListedAsset>>;
  getAsset(idOrTag: string): Promise<Asset>;
  createAsset(input: NewAssetInput): Promise<Asset>;
  updateAsset(id: string, version: number, patch: AssetPatchInput): Promise<Asset>;
  transitionAsset(id: string, version: number, input: TransitionInput): Promise<Asset>;
  getTransitionOptions(id: string): Promise<TransitionOption[]>;
  getAssetHistory(id: string): Promise<HistoryEvent[]>;
  getEntityLinks(id: string): Promise<EntityLink[]>;
  addEntityLink(id: string, link: EntityLinkInput): Promise<EntityLink>;
  removeEntityLink(id: string, link: EntityLinkInput): Promise<void>;
  /** The entity's assets, every page; with `withLicences`, each with its licence status. */
  getEntityAssets(entityRef: string, options?: { withLicences?: boolean }): Promise<EntityAsset[]>;
  getAssetLinks(id: string): Promise<StoredAssetLinkDto[]>;
  addAssetLink(id: string, link: AssetLinkInput): Promise<StoredAssetLinkDto>;
  removeAssetLink(id: string, link: AssetLinkInput): Promise<void>;
  getAssetTickets(id: string): Promise<AssetTicket[]>;
  /** Links a ticket (or refreshes its summary/status if already linked). */
  linkTicket(id: string, link: TicketLinkInput): Promise<TicketLink>;
  unlinkTicket(id: string, site: string, issueKey: string): Promise<void>;
  getTicketAssets(site: string, issueKey: string): Promise<{ asset: Asset; link: AssetTicket }[]>;
  getRiskFindings(query?: RiskFindingsQuery): Promise<RiskFindingsResponse>;
  listAuditFindings(id: string, query?: AuditFindingsQuery): Promise<AuditFindingsPage>;
  getKpis(query?: { from?: string; to?: string; currency?: string }): Promise<KpiReport>;
  getMaturity(): Promise<MaturityAssessment>;
  getSettings(): Promise<ItamSettings>;
  assessImpact(request: ImpactRequest): Promise<ChangeImpactResponse>;
  listProducts(): Promise<StoredProduct[]>;
  listEntitlements(query?: { productId?: string }): Promise<StoredEntitlement[]>;
  listInstallations(query?: { assetId?: string; productId?: string }): Promise<ListedInstallation[]>;
  getLicencePositions(): Promise<LicencePositionsResponse>;
  /**
   * The licence status of each of these assets (`GET /asset-licences`, 200 ids a request), in
   * the order asked; assets unknown or hidden from the caller are left out.
   */
  getAssetLicences(assetIds: readonly string[]): Promise<AssetLicences[]>;
  getLicencePosition(productId: string): Promise<LicencePositionResponse>;
  /** Uploads a file as an import job and resolves with the finished job (rows refused included). */
  runImport(request: ImportRequest): Promise<ImportJob>;
  /** The recent import jobs, newest first; running ones show their live progress. */
  listImports(): Promise<ImportJob[]>;
  getImport(id: string): Promise<ImportJob>;
  listAudits(): Promise<AuditCampaign[]>;
  getAudit(id: string): Promise<AuditCampaignWithResult>;
  createAudit(input: NewAuditCampaignInput): Promise<AuditCampaign>;
  addAuditObservations(
    id: string,
    observations: AuditObservationInput[],
  ): Promise<AuditCampaignWithResult>;
  closeAudit(id: string): Promise<AuditCampaign>;
}
