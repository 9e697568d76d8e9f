import type {
  AssetHealthLevel,
  AssetLicenceStatus as CommonAssetLicenceStatus,
  ChangeImpactResult,
  Criticality,
  EndDateState,
  InstalledProductLicence,
  JiraConnection,
  LifecycleStage,
  SourcedChangeWindow,
  TicketType,
} from '@itam/common';

/** Jira issue type ids per ticket type; decides panel visibility and the link's ticket type. */
export type IssueTypeConfig = Record<TicketType, string[]>;

/** How the app proves itself to the backend. */
export type BackendAuth = 'forge-remote' | 'static-token';

/**
 * What the admin page stores in plain KVS storage. The static token (fallback only) is kept
 * apart, as a KVS secret. The site is not stored: the backend takes it from the caller's token.
 */
export interface BackendConfig {
  /** URL of the ITAM API on the deployed remote, e.g. `https://backstage.example.com/api/itam`. */
  baseUrl: string;
  auth: BackendAuth;
  /** Backstage's address, for links from Jira to each asset's page (e.g. `https://backstage.example.com`). */
  portalUrl?: string;
  issueTypes: IssueTypeConfig;
  /** Ids of the projects in scope; the app does nothing on issues of other projects. */
  projects: string[];
  /** Ids of the Jira Service Management change fields the change window is read from. */
  changeFields: { plannedStart?: string; plannedEnd?: string };
}

/** Where a date-bound right (warranty, vendor life) stands today: common's `EndDateState`. */
export type DateStatus = EndDateState;

/** Overall state of a linked asset (common's `assetHealth`): `ok`, `attention`, `critical`. */
export type Health = AssetHealthLevel;

/**
 * Licence status of the software on an asset as the panels show it: common's (the worst of its
 * managed products', or `none`), or `unknown` when the register could not say.
 */
export type AssetLicenceStatus = CommonAssetLicenceStatus | 'unknown';

/** What every panel shows of an asset: identity, lifecycle stage, criticality and owner. */
export interface AssetSummary {
  id: string;
  tag: string;
  name: string;
  lifecycleStage: LifecycleStage;
  criticality: Criticality;
  owner?: string;
  /** The asset's page in Backstage, when the portal address is configured. */
  url?: string;
}

/** A linked asset as the incident panel shows it. */
export interface PanelAsset extends AssetSummary {
  warranty: { date?: string; status: DateStatus };
  endOfLife: { date?: string; status: DateStatus };
  endOfSupport: { date?: string; status: DateStatus };
  /** Whether the tier is one the register's configuration counts as critical. */
  critical: boolean;
  health: Health;
  /**
   * Other incident tickets of this site linked to the asset: count within the window, and the
   * newest keys the viewer may browse; `hiddenCount` of the newest the viewer may not browse.
   */
  incidents: { recentCount: number; recentKeys: string[]; hiddenCount: number };
  /** Licence status of the software installed on the asset: the worst of its products'. */
  licences: { status: AssetLicenceStatus; products: InstalledProductLicence[] };
}

export interface IncidentPanelData {
  issueKey: string;
  assets: PanelAsset[];
}

/** A linked asset as the change panel shows it. */
export interface ChangeAsset extends AssetSummary {
  /** Unresolved incident tickets of this site linked to the asset (other than this issue) the viewer may browse. */
  openIncidents: string[];
  /** How many more unresolved incidents there are that the viewer may not browse. */
  hiddenOpenIncidents: number;
  /** Whether the tier is one the register's configuration counts as critical. */
  critical: boolean;
}

export interface ChangePanelData {
  issueKey: string;
  assets: ChangeAsset[];
  /** Owners of the linked assets, to notify. */
  owners: string[];
  /** Most critical tier among the linked assets (1 is the most critical). */
  highestCriticality?: Criticality;
  /** Whether that tier counts as critical in the register's configuration. */
  highestCritical?: boolean;
  /** The register's impact assessment of the change; absent when no assets are linked. */
  assessment?: ChangeAssessment;
}

/** A change impact assessment with the window it was made for. */
export interface ChangeAssessment {
  window: SourcedChangeWindow;
  result: ChangeImpactResult;
  /** Whether the assessment's highest tier counts as critical in the register's configuration. */
  highestCritical?: boolean;
}

/** What recording the assessment as a Jira comment answers. */
export interface RecordedAssessment {
  commentId: string;
  /** Internal (agents only) on a service desk request; a platform comment elsewhere. */
  visibility: 'internal' | 'platform';
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
  auth: BackendAuth;
  portalUrl?: string;
  tokenSet: boolean;
  issueTypes: IssueTypeConfig;
  projects: string[];
  changeFields: { plannedStart?: string; plannedEnd?: string };
  /** The backend origin this deployment may call (the `itam-backend` remote), if known. */
  deployedOrigin?: string;
}

export interface AdminSettingsInput {
  baseUrl: string;
  auth: BackendAuth;
  portalUrl?: string;
  /** A new static token; empty keeps the stored one. Only for `static-token`. */
  token?: string;
  issueTypes: IssueTypeConfig;
  projects: string[];
  changeFields?: { plannedStart?: string; plannedEnd?: string };
}

/** A choice on the admin page: an issue type, project or field of this site. */
export interface SiteOption {
  id: string;
  name: string;
}

/** What the admin page offers to choose from, read from this site. */
export interface SiteOptions {
  issueTypes: SiteOption[];
  projects: SiteOption[];
  /** Date and date-time fields, for the change window. */
  dateFields: SiteOption[];
}

/** What "Test connection" found: who the backend takes this site to be. */
export type ConnectionCheck =
  | { ok: true; connection: JiraConnection }
  | { ok: false; message: string };

export type ErrorCode =
  | 'not-configured'
  | 'forbidden'
  | 'backend-unauthorized'
  | 'backend-error'
  | 'invalid-input'
  | 'not-found'
  | 'no-issue'
  | 'out-of-scope';

/** Every resolver answers with data or an error the UI can explain; they never throw. */
export type ResolverResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string } };
