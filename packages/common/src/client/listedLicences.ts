import type { AssetLicenceSummary } from '../licence/assetLicences';

/**
 * An asset list's items with the licence status the answer gave beside them (`licences`, by
 * asset id), on each item.
 */
export function withListedLicences<T extends { asset: { id: string } }>(
  items: readonly T[],
  licences: Readonly<Record<string, AssetLicenceSummary>> | undefined,
): (T & { licences?: AssetLicenceSummary })[] {
  return items.map(item => {
    const found = licences?.[item.asset.id];
    return found ? { ...item, licences: found } : item;
  });
}
