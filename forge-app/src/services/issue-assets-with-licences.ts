import { ItamApiError, type ItamJiraApi, type JiraIssueAsset } from '@itam/common';
import type { PanelAsset } from '../common/types';

export type AssetLicences = PanelAsset['licences'];

const UNKNOWN: AssetLicences = { status: 'unknown', products: [] };

/**
 * The issue's linked assets, each with the licence status of the software installed on it as the
 * backend works it out, in the same request. A backend older than the licence statuses in the
 * list refuses the `include` (400): the assets are then read without them and every status is
 * `unknown`, rather than the panel failing.
 */
export async function issueAssetsWithLicences(
  client: Pick<ItamJiraApi, 'getJiraIssueAssets'>,
  issue: { id: string; key: string },
): Promise<(Omit<JiraIssueAsset, 'licences'> & { licences: AssetLicences })[]> {
  try {
    const linked = await client.getJiraIssueAssets(issue.id, issue.key, { withLicences: true });
    return linked.map(item => ({ ...item, licences: item.licences ?? UNKNOWN }));
  } catch (error) {
    if (!(error instanceof ItamApiError && error.status === 400)) throw error;
    const linked = await client.getJiraIssueAssets(issue.id, issue.key);
    return linked.map(item => ({ ...item, licences: UNKNOWN }));
  }
}
