import type { ChangeImpactResult, Criticality, LicenceStatus, LifecycleStage, TicketType } from '@itam/common';

/** Jira issue type names per ticket type; decides panel visibility and the link's ticket type. */
export type IssueTypeConfig = Record<TicketType, string[]>;

/** What the admin page stores in plain KVS storage. The token is kept apart, as a KVS secret. */
export interface BackendConfig {
  /** Base URL of the ITAM API, e.g. `https://backstage.example.com/api/itam`. */
  baseUrl: string;
  /** The Jira site host the register records this site's ticket links under. */
  site: string;
  issueTypes: IssueTypeConfig;
}

/** Where a date-bound right (warranty, vendor life) stands today. */
export type DateStatus = 'none' | 'ok' | 'due-soon' | 'passed';

/** Overall state of a linked asset, worst first: `critical`, `attention`, `ok`. */
export type Health = 'ok' | 'attention' | 'critical';

/**
 * Licence status of the software on an asset, worst first: `under-licensed` (a product installed
 * on it is short of rights), `incomplete` (compliance not proven), `compliant` (every product
 * covered), `none` (no managed software installed); `unknown` when the register could not say.
 */
export type AssetLicenceStatus = 'under-licensed' | 'incomplete' | 'compliant' | 'none' | 'unknown';

/** A managed product installed on an asset, with the product's licence position. */
export interface InstalledProductLicence {
  productId: string;
  /** Product name and version. */
  name: string;
  status: Exclude<LicenceStatus, 'unreconciled'>;
  /** Owned minus required over the whole estate, when the product counts in one unit. */
  position?: number;
}

/** What every panel shows of an asset: identity, lifecycle stage, criticality and owner. */
export interface AssetSummary {
  id: string;
  tag: string;
  name: string;
  lifecycleStage: LifecycleStage;
  criticality: Criticality;
  owner?: string;
}

/** A linked asset as the incident panel shows it. */
export interface PanelAsset extends AssetSummary {
  warranty: { date?: string; status: DateStatus };
  endOfLife: { date?: string; status: DateStatus };
  health: Health;
  /** Other incident tickets linked to the asset: count within the window, newest keys first. */
  incidents: { recentCount: number; recentKeys: string[] };
  /** Licence status of the software installed on the asset: the worst of its products'. */
  licences: { status: AssetLicenceStatus; products: InstalledProductLicence[] };
}

export interface IncidentPanelData {
  issueKey: string;
  assets: PanelAsset[];
}

/** A linked asset as the change panel shows it. */
export interface ChangeAsset extends AssetSummary {
  /** Unresolved incident tickets linked to the asset (other than this issue). */
  openIncidents: string[];
}

export interface ChangePanelData {
  issueKey: string;
  assets: ChangeAsset[];
  /** Owners of the linked assets, to notify. */
  owners: string[];
  /** Most critical tier among the linked assets (1 is the most critical). */
  highestCriticality?: Criticality;
  /** The register's impact assessment of the change; absent when no assets are linked. */
  assessment?: ChangeAssessment;
}

/** A change impact assessment with the window it was made for. */
export interface ChangeAssessment {
  window: { start: string; end: string };
  result: ChangeImpactResult;
}

/** What recording the assessment as a Jira comment answers. */
export interface RecordedAssessment {
  commentId: string;
  score: number;
  level: string;
}

export interface IssueSummaryData {
  count: number;
  worst?: Health;
}

export interface AssetSearchHit extends AssetSummary {
  linked: boolean;
}

/** The admin page's view of the settings: never the token itself. */
export interface AdminSettings {
  baseUrl?: string;
  site?: string;
  tokenSet: boolean;
  issueTypes: IssueTypeConfig;
}

export interface AdminSettingsInput {
  baseUrl: string;
  site: string;
  /** A new token; empty keeps the stored one. */
  token?: string;
  issueTypes: IssueTypeConfig;
}

export type ErrorCode =
  | 'not-configured'
  | 'forbidden'
  | 'backend-unauthorized'
  | 'backend-error'
  | 'invalid-input'
  | 'not-found'
  | 'no-issue';

/** Every resolver answers with data or an error the UI can explain; they never throw. */
export type ResolverResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string } };
