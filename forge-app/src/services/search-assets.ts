import type { ItamJiraApi } from '@itam/common';
import { SEARCH_LIMIT } from '../common/constants';
import { ItamForgeError } from '../common/errors';
import type { AssetSearchHit } from '../common/types';
import { assetSummary } from '../domain/asset-summary';
import type { IssueRef } from './context';

/**
 * Searches the register by tag, name or serial number; marks assets already on the issue (none
 * when there is no issue yet, as on a create screen).
 */
export async function searchAssets(options: {
  client: ItamJiraApi;
  issue?: IssueRef;
  q: string;
  portalUrl?: string;
}): Promise<AssetSearchHit[]> {
  const q = options.q.trim();
  if (q.length < 2 || q.length > 100) {
    throw new ItamForgeError('invalid-input', 'Search for 2 to 100 characters of a tag, name or serial number.');
  }
  const { client, issue } = options;
  const [page, linked] = await Promise.all([
    client.listAssets({ q, limit: SEARCH_LIMIT }),
    issue ? client.getJiraIssueAssets(issue.id, issue.key) : Promise.resolve([]),
  ]);
  const linkedIds = new Set(linked.map(l => l.asset.id));
  return page.items.map(asset => ({ ...assetSummary(asset, options.portalUrl), linked: linkedIds.has(asset.id) }));
}
