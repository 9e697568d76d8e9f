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
