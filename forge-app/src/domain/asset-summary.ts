import type { Asset } from '@itam/common';
import type { AssetSummary } from '../common/types';

/** The part of a register asset every panel shows (no owner key when none is recorded). */
export function assetSummary(asset: Asset): AssetSummary {
  return {
    id: asset.id,
    tag: asset.tag,
    name: asset.name,
    lifecycleStage: asset.lifecycleStage,
    criticality: asset.criticality,
    ...(asset.owner ? { owner: asset.owner } : {}),
  };
}
