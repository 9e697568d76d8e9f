import type { ItamApi } from '@itam/common';
import type { PanelAsset } from '../common/types';

export type AssetLicences = PanelAsset['licences'];

const UNKNOWN: AssetLicences = { status: 'unknown', products: [] };

/**
 * Licence status of the software on each asset, by asset id, as the backend works it out (one
 * request per 200 assets). A failed call (e.g. an older backend without licences) makes every
 * status `unknown` rather than an error; an asset the backend left out (removed meanwhile, or
 * hidden from the caller) is `unknown` too.
 */
export async function assetLicences(client: ItamApi, assetIds: readonly string[]): Promise<Map<string, AssetLicences>> {
  const result = new Map<string, AssetLicences>();
  if (assetIds.length === 0) return result;
  const answered = await client.getAssetLicences(assetIds).catch(() => []);
  const byId = new Map(answered.map(a => [a.assetId, a]));
  for (const assetId of assetIds) {
    const found = byId.get(assetId);
    result.set(assetId, found ? { status: found.status, products: found.products } : UNKNOWN);
  }
  return result;
}
