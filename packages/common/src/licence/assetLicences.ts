import { compareText } from '../text/compareText';
import { productDisplayName } from './productNames';
import type { LicenceUnit } from './metrics';
import type { LicenceStatus, ProductPosition } from './resultTypes';

/**
 * How much a product's licence status worries the owner of an asset it runs on, worst highest:
 * a shortfall, then compliance that cannot be proven; surplus licences are no risk to the asset.
 *
 * @public
 */
export const ASSET_LICENCE_SEVERITY: Record<LicenceStatus, number> = {
  'under-licensed': 3,
  incomplete: 2,
  'over-licensed': 1,
  compliant: 1,
  unreconciled: 0,
};

/**
 * The positions of the managed products installed on one asset, each once, in installation
 * order. Software no product recognised, products not under management and products the
 * reconciliation did not cover are left out: they say nothing about the asset's compliance.
 *
 * @public
 */
export function installedProductPositions<
  P extends Pick<ProductPosition, 'productId' | 'underManagement' | 'status'>,
>(installations: readonly { matchedProductId: string | null }[], positions: readonly P[]): P[] {
  const byId = new Map(positions.map(p => [p.productId, p]));
  const seen = new Set<string>();
  const installed: P[] = [];
  for (const { matchedProductId } of installations) {
    if (!matchedProductId || seen.has(matchedProductId)) continue;
    seen.add(matchedProductId);
    const position = byId.get(matchedProductId);
    if (position && position.underManagement && position.status !== 'unreconciled') {
      installed.push(position);
    }
  }
  return installed;
}

/**
 * A licence status a product can give an asset it runs on: unreconciled products give none.
 *
 * @public
 */
export type ManagedLicenceStatus = Exclude<LicenceStatus, 'unreconciled'>;

/**
 * A managed product installed on an asset, with its licence position.
 *
 * @public
 */
export interface InstalledProductLicence {
  productId: string;
  /** Name and version (see {@link productDisplayName}). */
  name: string;
  publisher: string;
  status: ManagedLicenceStatus;
  /** Owned minus required in `unit` (negative: short); `null` when lines mix units. */
  position: number | null;
  unit: LicenceUnit | null;
}

/**
 * An asset's licence status, the worst its managed products give it: a shortfall, unproven
 * compliance (`incomplete`), `compliant` (surplus licences included), or `none` when it runs no
 * managed product.
 *
 * @public
 */
export type AssetLicenceStatus = (typeof ASSET_LICENCE_STATUSES)[number];

/**
 * Every {@link AssetLicenceStatus}, worst first.
 *
 * @public
 */
export const ASSET_LICENCE_STATUSES = ['under-licensed', 'incomplete', 'compliant', 'none'] as const;

/**
 * An asset's licence status with the products behind it.
 *
 * @public
 */
export interface AssetLicences {
  assetId: string;
  status: AssetLicenceStatus;
  /** Worst status first, then by name. */
  products: InstalledProductLicence[];
}

/**
 * An asset's licence status as an asset list carries it (the entity's and the Jira issue's, with
 * `include=licences`): {@link AssetLicences} without the asset id the list item already has.
 *
 * @public
 */
export type AssetLicenceSummary = Pick<AssetLicences, 'status' | 'products'>;

/**
 * The value of an asset list's `include` query parameter that adds each asset's licence status.
 *
 * @public
 */
export const ASSET_LIST_LICENCES_INCLUDE = 'licences';

/**
 * The managed products installed on an asset with their positions (see
 * {@link installedProductPositions}), worst status first, then by name and product id.
 *
 * @public
 */
export function installedProductLicences(
  installations: readonly { matchedProductId: string | null }[],
  positions: readonly Pick<ProductPosition, 'productId' | 'name' | 'version' | 'publisher' | 'underManagement' | 'status' | 'position' | 'unit'>[],
): InstalledProductLicence[] {
  return installedProductPositions(installations, positions)
    .map(p => ({
      productId: p.productId,
      name: productDisplayName(p),
      publisher: p.publisher,
      // installedProductPositions leaves unreconciled products out.
      status: p.status as ManagedLicenceStatus,
      position: p.position,
      unit: p.unit,
    }))
    .sort(
      (a, b) =>
        ASSET_LICENCE_SEVERITY[b.status] - ASSET_LICENCE_SEVERITY[a.status] ||
        compareText(a.name, b.name) ||
        compareText(a.productId, b.productId),
    );
}

/**
 * An asset's licence status from its products' (see {@link AssetLicenceStatus}).
 *
 * @public
 */
export function assetLicenceStatus(products: readonly Pick<InstalledProductLicence, 'status'>[]): AssetLicenceStatus {
  let worst: ManagedLicenceStatus | undefined;
  for (const { status } of products) {
    if (worst === undefined || ASSET_LICENCE_SEVERITY[status] > ASSET_LICENCE_SEVERITY[worst]) worst = status;
  }
  if (worst === undefined) return 'none';
  return worst === 'over-licensed' ? 'compliant' : worst;
}

/**
 * The licence status of each asset from its installations and the latest positions.
 *
 * @public
 */
export function assetLicencesOf(
  assetId: string,
  installations: readonly { matchedProductId: string | null }[],
  positions: Parameters<typeof installedProductLicences>[1],
): AssetLicences {
  const products = installedProductLicences(installations, positions);
  return { assetId, status: assetLicenceStatus(products), products };
}
