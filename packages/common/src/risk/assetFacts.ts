import type { LifecycleStage } from '../asset/constants';
import { isCriticalTier } from '../lifecycle/dateStatus';
import type { RiskConfig } from './config';
import type { RiskAsset, RiskFinding } from './types';

/**
 * Stages in which an asset is part of the estate for date-driven risks (end of life, end of
 * support, warranty): once retired or disposed, those dates no longer expose the business.
 */
export const IN_ESTATE_STAGES: ReadonlySet<LifecycleStage> = new Set<LifecycleStage>([
  'planned',
  'ordered',
  'in-stock',
  'deployed',
  'maintenance',
]);

/** Whether the asset's tier is one the configuration counts as critical. */
export function isCriticalAsset(asset: Pick<RiskAsset, 'criticality'>, config: RiskConfig): boolean {
  return isCriticalTier(asset.criticality, config.criticalTierMax);
}

/** How an asset is named in explanations: its tag, and its name when that adds something. */
export function describeAsset(asset: Pick<RiskAsset, 'tag' | 'name'>): string {
  return asset.name && asset.name !== asset.tag ? `${asset.tag} (${asset.name})` : asset.tag;
}

/** The subject and asset fields every asset finding carries. */
export function assetFindingBase(
  asset: Pick<RiskAsset, 'id' | 'tag'>,
): Pick<RiskFinding, 'subject' | 'assetId' | 'assetTag'> {
  return {
    subject: { kind: 'asset', id: asset.id, label: asset.tag },
    assetId: asset.id,
    assetTag: asset.tag,
  };
}
