import { assetLicencesOf, compileRecognition, type AssetLicences, type AssetLicenceSummary } from '@itam/common';
import type { AnalyticsService } from '../analytics/AnalyticsService';
import type { LicenceStore } from './LicenceStore';

/** What the licence statuses of some assets are worked out from. */
export interface AssetLicenceSources {
  licences: Pick<LicenceStore, 'readInstallationEvidenceOfAssets' | 'listProducts'>;
  analytics: Pick<AnalyticsService, 'licencePositions'>;
}

/**
 * The licence status of each of some assets (the caller has already made sure it may read them),
 * from their installation evidence and the latest stored positions (see assetLicencesOf in
 * @itam/common). How many licences the estate owns or lacks is the licence report's, which only
 * callers who may read the whole register see: for the others (`wholeRegister` false) each
 * product has its status alone. Reads the positions only when some asset has managed software.
 */
export async function assetLicenceStatuses(
  sources: AssetLicenceSources,
  assetIds: readonly string[],
  wholeRegister: boolean,
): Promise<{ computedAt?: string; byAsset: Map<string, AssetLicences> }> {
  const byAsset = new Map<string, AssetLicences>();
  const evidence = assetIds.length > 0 ? await sources.licences.readInstallationEvidenceOfAssets(assetIds) : [];
  // Recognition rules are read only when some software was imported without a product.
  const recognise = evidence.some(e => !e.productId) ? compileRecognition(await sources.licences.listProducts()) : undefined;
  const installed = new Map<string, { matchedProductId: string | null }[]>();
  for (const e of evidence) {
    const list = installed.get(e.assetId) ?? [];
    list.push({ matchedProductId: e.productId ?? recognise?.(e) ?? null });
    installed.set(e.assetId, list);
  }
  const productIds = [...installed.values()].flatMap(list => list.flatMap(i => (i.matchedProductId ? [i.matchedProductId] : [])));
  const positions = productIds.length > 0 ? await sources.analytics.licencePositions() : undefined;
  const products = positions ? await positions.productsByIds(productIds) : [];
  for (const id of assetIds) {
    const licences = assetLicencesOf(id, installed.get(id) ?? [], products);
    byAsset.set(id, wholeRegister ? licences : { ...licences, products: licences.products.map(p => ({ ...p, position: null, unit: null })) });
  }
  return { ...(positions ? { computedAt: positions.computedAt } : {}), byAsset };
}

/** An asset list's items, each with its asset's licence status (see {@link assetLicenceStatuses}). */
export async function withLicenceStatuses<T extends { asset: { id: string } }>(
  sources: AssetLicenceSources,
  items: readonly T[],
  wholeRegister: boolean,
): Promise<(T & { licences: AssetLicenceSummary })[]> {
  const { byAsset } = await assetLicenceStatuses(sources, [...new Set(items.map(i => i.asset.id))], wholeRegister);
  return items.map(item => {
    const { assetId: _assetId, ...licences } = byAsset.get(item.asset.id)!;
    return { ...item, licences };
  });
}
