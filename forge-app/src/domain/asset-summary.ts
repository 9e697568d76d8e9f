import type { Asset } from '@itam/common';
import type { AssetSummary } from '../common/types';
import { assetPageUrl } from './portal-link';

/**
 * The part of a register asset every panel shows (no owner key when none is recorded), with a link
 * to the asset's page in Backstage when the portal address is configured.
 */
export function assetSummary(asset: Asset, portalUrl?: string): AssetSummary {
  const url = assetPageUrl(portalUrl, asset.id);
  return {
    id: asset.id,
    tag: asset.tag,
    name: asset.name,
    lifecycleStage: asset.lifecycleStage,
    criticality: asset.criticality,
    ...(asset.owner ? { owner: asset.owner } : {}),
    ...(url ? { url } : {}),
  };
}
