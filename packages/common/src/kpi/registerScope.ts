import type { LifecycleStage } from '../asset/constants';
import type { Asset } from '../asset/types';

/**
 * Stages in which an asset is under management: received and held, in use or under repair.
 * Planned and ordered assets are not held yet; retired and disposed ones have left service.
 *
 * @public
 */
export const UNDER_MANAGEMENT_STAGES: readonly LifecycleStage[] = ['in-stock', 'deployed', 'maintenance'];

/**
 * Stages in which an asset serves something (deployed, or out for repair from service): the
 * assets that should be tied to catalogue entities and show up on tickets.
 *
 * @public
 */
export const IN_SERVICE_STAGES: readonly LifecycleStage[] = ['deployed', 'maintenance'];

/**
 * Whether an asset is under management (see {@link UNDER_MANAGEMENT_STAGES}).
 *
 * @public
 */
export function isUnderManagement(asset: Pick<Asset, 'lifecycleStage'>): boolean {
  return UNDER_MANAGEMENT_STAGES.includes(asset.lifecycleStage);
}

/**
 * Whether an asset is in service (see {@link IN_SERVICE_STAGES}).
 *
 * @public
 */
export function isInService(asset: Pick<Asset, 'lifecycleStage'>): boolean {
  return IN_SERVICE_STAGES.includes(asset.lifecycleStage);
}

/**
 * Ids of the distinct assets under management in a snapshot (an id listed twice counts once).
 *
 * @public
 */
export function assetsUnderManagement(assets: readonly Asset[]): Set<string> {
  const ids = new Set<string>();
  for (const a of assets) if (isUnderManagement(a)) ids.add(a.id);
  return ids;
}
