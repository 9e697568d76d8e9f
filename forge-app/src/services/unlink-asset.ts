import { ItamApiError, type ItamApi } from '@itam/common';
import { syncAssetProperty } from './sync-asset-property';

/**
 * Removes an asset's link to the issue and updates the issue's asset property. An asset that is
 * not (or no longer) linked is not an error: unlinking is idempotent.
 */
export async function unlinkAsset(options: {
  client: ItamApi;
  site: string;
  issueKey: string;
  assetId: string;
}): Promise<void> {
  const { client, site, issueKey, assetId } = options;
  try {
    await client.unlinkTicket(assetId, site, issueKey);
  } catch (e) {
    if (!(e instanceof ItamApiError && e.status === 404)) throw e;
  }
  const linked = await client.getTicketAssets(site, issueKey);
  await syncAssetProperty(issueKey, linked.map(l => l.asset.tag));
}
