import { assetLicencesOf, compileRecognition, type AssetLicences, type AssetLicenceSummary } from '@itam/common';
import type { AnalyticsService } from '../analytics/AnalyticsService';
import type { InstallationEvidence, LicenceStore } from './LicenceStore';

/** What the licence statuses of some assets are worked out from. */
export interface AssetLicenceSources {
  licences: Pick<LicenceStore, 'readInstallationEvidenceOfAssets' | 'readInstallationEvidenceOfEntity' | 'listProducts'>;
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
  const evidence = assetIds.length > 0 ? await sources.licences.readInstallationEvidenceOfAssets(assetIds) : [];
  return licenceStatusesFromEvidence(sources, assetIds, evidence, wholeRegister);
}

/** {@link assetLicenceStatuses} from the assets' installation evidence, already read. */
async function licenceStatusesFromEvidence(
  sources: AssetLicenceSources,
  assetIds: readonly string[],
  evidence: readonly InstallationEvidence[],
  wholeRegister: boolean,
): Promise<{ computedAt?: string; byAsset: Map<string, AssetLicences> }> {
  const byAsset = new Map<string, AssetLicences>();
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

/**
 * The licence status of each of some assets by asset id (see {@link assetLicenceStatuses}), as an
 * asset list answers it beside its items (`licences`): the items' own text is sent as stored,
 * not parsed and written again.
 */
export async function licenceStatusesById(
  sources: AssetLicenceSources,
  assets: readonly string[] | { entityRef: string },
  wholeRegister: boolean,
): Promise<Record<string, AssetLicenceSummary>> {
  let byAsset: Map<string, AssetLicences>;
  if ('entityRef' in assets) {
    // Every asset of the entity: its assets and their evidence in one read.
    const { assetIds, evidence } = await sources.licences.readInstallationEvidenceOfEntity(assets.entityRef);
    byAsset = (await licenceStatusesFromEvidence(sources, assetIds, evidence, wholeRegister)).byAsset;
  } else {
    byAsset = (await assetLicenceStatuses(sources, [...new Set(assets)], wholeRegister)).byAsset;
  }
  const byId: Record<string, AssetLicenceSummary> = {};
  for (const { assetId, ...licences } of byAsset.values()) byId[assetId] = licences;
  return byId;
}
