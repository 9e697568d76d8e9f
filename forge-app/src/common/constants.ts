import type { IssueTypeConfig } from './types';

/**
 * Issue entity property describing the assets linked to an issue, indexed for JQL (see the
 * `jira:entityProperty` modules in manifest.yml): tags, count, owners, services, highest criticality.
 */
export const ASSET_PROPERTY_KEY = 'itam-assets';

/** Issue entity property with the last recorded change assessment's risk, indexed for JQL. */
export const RISK_PROPERTY_KEY = 'itam-risk';

/**
 * Forge app property read by the panels' display conditions (a Jira expression in manifest.yml):
 * `{ incidentPanel: string[], changePanel: string[], projects: string[] }`, issue type and project ids.
 */
export const ISSUE_TYPES_APP_PROPERTY_KEY = 'itam-issue-types';

/** The Forge Remote the app calls (manifest.yml `remotes`). */
export const BACKEND_REMOTE_KEY = 'itam-backend';

/** The `jira:customField` module holding an issue's asset tags (manifest.yml). */
export const ASSET_FIELD_MODULE_KEY = 'itam-asset-field';

/** No issue types are tracked until an admin chooses them from the site's (they are ids). */
export const NO_ISSUE_TYPES: IssueTypeConfig = { incident: [], problem: [], request: [], change: [] };

/** How long Forge waits before delivering an event again when the backend could not be reached. */
export const RETRY_AFTER_SECONDS = 120;
/** The scheduled resync looks at linked issues updated within this many minutes (it runs hourly). */
export const RESYNC_WINDOW_MINUTES = 75;
/** Issues per page of the resync's JQL search. */
export const RESYNC_PAGE_SIZE = 50;

/** Incidents linked to an asset within this many days count towards its recent history. */
export const INCIDENT_WINDOW_DAYS = 90;
/** How many recent incident keys the panel lists per asset. */
export const RECENT_INCIDENT_KEYS = 5;
/** Results per register search from the panel. */
export const SEARCH_LIMIT = 10;
