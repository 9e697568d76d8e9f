import type { ItamJiraApi } from '@itam/common';
import { RESYNC_PAGE_SIZE, RESYNC_WINDOW_MINUTES } from '../common/constants';
import type { BackendConfig } from '../common/types';
import { searchIssueIds } from '../jira-client/search-issue-ids';
import { syncIssue } from './sync-issue';

/**
 * The JQL of issues the resync looks at: linked to assets (the indexed `itam-assets` property)
 * and updated within the window, so edits whose events were lost (an outage, a retry given up)
 * still reach the register.
 */
export const resyncJql = (minutes = RESYNC_WINDOW_MINUTES) =>
  `itamAssetCount > 0 AND updated >= -${minutes}m ORDER BY updated DESC`;

/** Brings every recently updated linked issue in step; answers how many it synced. */
export async function resyncRecentlyUpdated(client: ItamJiraApi, config: BackendConfig): Promise<number> {
  let synced = 0;
  let nextPageToken: string | undefined;
  do {
    const page = await searchIssueIds(resyncJql(), { maxResults: RESYNC_PAGE_SIZE, ...(nextPageToken ? { nextPageToken } : {}) });
    for (const issueId of page.ids) {
      const outcome = await syncIssue({ client, config, issueId });
      if (outcome.status === 'synced') synced += 1;
    }
    nextPageToken = page.nextPageToken;
  } while (nextPageToken);
  return synced;
}
