import { ItamApiError } from '@itam/common';
import type { IssueScope } from './context';
import { syncIssueArtifacts } from './sync-issue-artifacts';

/**
 * Removes an asset's link to the issue and updates the issue's property and asset field. An asset
 * that is not (or no longer) linked is not an error: unlinking is idempotent.
 */
export async function unlinkAsset(scope: Omit<IssueScope, 'now' | 'config'> & { assetId: string }): Promise<void> {
  const { client, issue, assetId } = scope;
  try {
    await client.unlinkJiraIssue(issue.id, assetId);
  } catch (e) {
    if (!(e instanceof ItamApiError && e.status === 404)) throw e;
  }
  await syncIssueArtifacts(issue.id, await client.getJiraIssueAssets(issue.id, issue.key), { mayClear: true });
}
