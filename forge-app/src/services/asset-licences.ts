import type { ItamApi, ProductPosition } from '@itam/common';
import type { PanelAsset } from '../common/types';
import { assetLicenceStatus, installedProductLicences } from '../domain/licence-status';

export type AssetLicences = PanelAsset['licences'];

const UNKNOWN: AssetLicences = { status: 'unknown', products: [] };

/**
 * Licence status of the software on each asset, by asset id: the positions are fetched once and
 * each asset's installations in parallel. A failed call (e.g. an older backend without licences)
 * makes the status `unknown` rather than an error.
 */
export async function assetLicences(client: ItamApi, assetIds: readonly string[]): Promise<Map<string, AssetLicences>> {
  const result = new Map<string, AssetLicences>();
  if (assetIds.length === 0) return result;
  const [positions, ...installations] = await Promise.all([
    client.getLicencePositions().then(
      r => r.products,
      (): ProductPosition[] | undefined => undefined,
    ),
    ...assetIds.map(assetId =>
      client.listInstallations({ assetId }).then(
        items => items,
        () => undefined,
      ),
    ),
  ]);
  assetIds.forEach((assetId, i) => {
    const installed = installations[i];
    if (!positions || !installed) {
      result.set(assetId, UNKNOWN);
      return;
    }
    const products = installedProductLicences(installed, positions);
    result.set(assetId, { status: assetLicenceStatus(products), products });
  });
  return result;
}
