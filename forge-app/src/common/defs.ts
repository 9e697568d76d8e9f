import type {
  AdminSettings,
  AdminSettingsInput,
  AssetSearchHit,
  ChangePanelData,
  ConnectionCheck,
  IncidentPanelData,
  IssueSummaryData,
  RecordedAssessment,
  ResolverResult,
  SiteOptions,
} from './types';

/**
 * The resolver functions the UI calls, shared by `src/resolvers` and `src/frontend` so both sides
 * agree on names, payloads and answers. Types only: no runtime imports.
 */
export type Defs = {
  getIncidentPanel: () => ResolverResult<IncidentPanelData>;
  searchAssets: (args: { q: string }) => ResolverResult<AssetSearchHit[]>;
  linkAsset: (args: { assetId: string }) => ResolverResult<IncidentPanelData>;
  unlinkAsset: (args: { assetId: string }) => ResolverResult<IncidentPanelData>;
  getChangePanel: () => ResolverResult<ChangePanelData>;
  recordAssessment: () => ResolverResult<RecordedAssessment>;
  getIssueSummary: () => ResolverResult<IssueSummaryData>;
  getAdminSettings: () => ResolverResult<AdminSettings>;
  saveAdminSettings: (args: AdminSettingsInput) => ResolverResult<AdminSettings>;
  getSiteOptions: () => ResolverResult<SiteOptions>;
  testConnection: () => ResolverResult<ConnectionCheck>;
  /** The asset field's editor (also on create screens and request forms, where there is no issue yet). */
  searchFieldAssets: (args: { q: string }) => ResolverResult<AssetSearchHit[]>;
};
