import {
  installedProductPositions,
  type LicenceStatus,
  type ListedInstallation,
  type ProductPosition,
} from '@itam/common';
import type { AssetLicenceStatus, Health, InstalledProductLicence } from '../common/types';

/** Worst first: a shortfall, then unproven compliance; compliant and over-licensed are fine. */
const RANK: Record<AssetLicenceStatus, number> = {
  'under-licensed': 4,
  incomplete: 3,
  unknown: 2,
  compliant: 1,
  none: 0,
};

type ManagedStatus = Exclude<LicenceStatus, 'unreconciled'>;

/** The licence status one product's position gives an asset it is installed on. */
const ASSET_STATUS: Record<ManagedStatus, AssetLicenceStatus> = {
  'under-licensed': 'under-licensed',
  incomplete: 'incomplete',
  'over-licensed': 'compliant',
  compliant: 'compliant',
};

/**
 * The licence positions of the products installed on an asset, one per matched product, sorted
 * by name. Software no product matched, products not under management and products without a
 * position are left out.
 */
export function installedProductLicences(
  installations: readonly Pick<ListedInstallation, 'matchedProductId'>[],
  positions: readonly Pick<ProductPosition, 'productId' | 'name' | 'version' | 'underManagement' | 'status' | 'position'>[],
): InstalledProductLicence[] {
  return installedProductPositions(installations, positions)
    .map(position => ({
      productId: position.productId,
      name: [position.name, position.version].filter(Boolean).join(' '),
      // installedProductPositions leaves unreconciled products out.
      status: position.status as ManagedStatus,
      ...(position.position !== null ? { position: position.position } : {}),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.productId.localeCompare(b.productId));
}

/** The worst of several asset licence statuses; `none` when there are none. */
export function worstLicenceStatus(values: readonly AssetLicenceStatus[]): AssetLicenceStatus {
  return values.reduce<AssetLicenceStatus>((worst, s) => (RANK[s] > RANK[worst] ? s : worst), 'none');
}

/** An asset's licence status: the worst of its installed products', `none` without any. */
export function assetLicenceStatus(products: readonly Pick<InstalledProductLicence, 'status'>[]): AssetLicenceStatus {
  return worstLicenceStatus(products.map(p => ASSET_STATUS[p.status]));
}

/** One line per product, e.g. `SQL Server Enterprise 2022 — under-licensed (short 16)`. */
export function productLicenceText(product: InstalledProductLicence): string {
  const { position } = product;
  let detail = '';
  if (position !== undefined && position < 0) detail = ` (short ${-position})`;
  else if (product.status === 'over-licensed' && position !== undefined && position > 0) detail = ` (${position} spare)`;
  return `${product.name} — ${product.status}${detail}`;
}

/** How an asset's licence status weighs in its overall health: a shortfall needs attention. */
export function licenceHealth(status: AssetLicenceStatus): Health {
  return status === 'under-licensed' ? 'attention' : 'ok';
}
