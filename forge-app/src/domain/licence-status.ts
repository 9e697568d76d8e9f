import type { InstalledProductLicence } from '@itam/common';
import type { AssetLicenceStatus, Health } from '../common/types';

/** Worst first: a shortfall, then unproven compliance; compliant and over-licensed are fine. */
const RANK: Record<AssetLicenceStatus, number> = {
  'under-licensed': 4,
  incomplete: 3,
  unknown: 2,
  compliant: 1,
  none: 0,
};

/** The worst of several asset licence statuses; `none` when there are none. */
export function worstLicenceStatus(values: readonly AssetLicenceStatus[]): AssetLicenceStatus {
  return values.reduce<AssetLicenceStatus>((worst, s) => (RANK[s] > RANK[worst] ? s : worst), 'none');
}

/** One line per product, e.g. `SQL Server Enterprise 2022 — under-licensed (short 16)`. */
export function productLicenceText(product: Pick<InstalledProductLicence, 'name' | 'status' | 'position'>): string {
  const { position } = product;
  let detail = '';
  if (position !== null && position < 0) detail = ` (short ${-position})`;
  else if (product.status === 'over-licensed' && position !== null && position > 0) detail = ` (${position} spare)`;
  return `${product.name} — ${product.status}${detail}`;
}

/** How an asset's licence status weighs in its overall health: a shortfall needs attention. */
export function licenceHealth(status: AssetLicenceStatus): Health {
  return status === 'under-licensed' ? 'attention' : 'ok';
}
