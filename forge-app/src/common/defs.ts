import type {
  AdminSettings,
  AdminSettingsInput,
  AssetSearchHit,
  ChangePanelData,
  IncidentPanelData,
  IssueSummaryData,
  RecordedAssessment,
  ResolverResult,
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
};
