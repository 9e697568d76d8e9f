import type { IssueTypeConfig } from './types';

/** Issue entity property that lists the tags of the assets linked to an issue (indexed for JQL). */
export const ASSET_PROPERTY_KEY = 'itam-assets';

/**
 * Forge app property read by the panels' display conditions (a Jira expression in manifest.yml):
 * `{ incidentPanel: string[], changePanel: string[] }`, issue type names.
 */
export const ISSUE_TYPES_APP_PROPERTY_KEY = 'itam-issue-types';

/** Issue types per ticket type until an admin saves others. */
export const DEFAULT_ISSUE_TYPES: IssueTypeConfig = {
  incident: ['Incident'],
  problem: ['Problem'],
  request: ['Service Request'],
  change: ['Change'],
};

/** Incidents linked to an asset within this many days count towards its recent history. */
export const INCIDENT_WINDOW_DAYS = 90;
/** How many recent incident keys the panel lists per asset. */
export const RECENT_INCIDENT_KEYS = 5;
/** A warranty ending within this many days is shown as ending soon. */
export const WARRANTY_NOTICE_DAYS = 90;
/** An end-of-life date within this many days is shown as approaching. */
export const END_OF_LIFE_NOTICE_DAYS = 180;
/** Results per register search from the panel. */
export const SEARCH_LIMIT = 10;
