import { assetSummary } from '../domain/asset-summary';
import type { ItamApi } from '@itam/common';
import { SEARCH_LIMIT } from '../common/constants';
import { ItamForgeError } from '../common/errors';
import type { AssetSearchHit } from '../common/types';

/** Searches the register by tag, name or serial number; marks assets already on the issue. */
export async function searchAssets(options: {
  client: ItamApi;
  site: string;
  issueKey: string;
  q: string;
}): Promise<AssetSearchHit[]> {
  const q = options.q.trim();
  if (q.length < 2 || q.length > 100) {
    throw new ItamForgeError('invalid-input', 'Search for 2 to 100 characters of a tag, name or serial number.');
  }
  const [page, linked] = await Promise.all([
    options.client.listAssets({ q, limit: SEARCH_LIMIT }),
    options.client.getTicketAssets(options.site, options.issueKey),
  ]);
  const linkedIds = new Set(linked.map(l => l.asset.id));
  return page.items.map(asset => ({
    ...assetSummary(asset),
    linked: linkedIds.has(asset.id),
  }));
}
