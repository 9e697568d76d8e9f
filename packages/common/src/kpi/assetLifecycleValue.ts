import type { Asset } from '../asset/types';
import { parseIsoDay } from '../finance/calendar';
import type { DateWindow } from '../finance/dateWindow';
import { retiredWithin } from './assetTurnoverRate';
import type { LifecycleEvent } from './kpiInputs';
import { kpiResult, type KpiDefinition, type KpiResult } from './kpiResult';

/** @public */
export const ASSET_LIFECYCLE_VALUE: KpiDefinition = {
  id: 'asset-lifecycle-value',
  name: 'Asset lifecycle value',
  unit: 'ratio of planned life realised',
  definition:
    'For assets retired within the window that have a purchase date and a planned end of life after it: ' +
    'Σ days from purchase to retirement ÷ Σ days from purchase to planned end of life. 1 means assets ' +
    'delivered their planned life; below 1 they were replaced early (value left unused); above 1 they ' +
    'served beyond it. Numerator and denominator are in days.',
};

/**
 * Asset lifecycle value: how much of their planned life the assets retired in the window delivered.
 * Assets without a purchase date or end of life cannot be judged and are left out of both sums.
 *
 * @throws {@link ItamValidationError} for a bad window or event.
 * @public
 */
export function assetLifecycleValue(input: {
  window: DateWindow;
  assets: readonly Asset[];
  lifecycleEvents: readonly LifecycleEvent[];
}): KpiResult {
  const retired = retiredWithin(input.window, input.lifecycleEvents);
  const byId = new Map(input.assets.map(a => [a.id, a]));
  let realised = 0;
  let planned = 0;
  for (const [id, retiredDay] of retired) {
    const asset = byId.get(id);
    const purchased = asset?.purchase?.date && parseIsoDay(asset.purchase.date);
    const endOfLife = asset?.endOfLife && parseIsoDay(asset.endOfLife);
    if (typeof purchased !== 'number' || typeof endOfLife !== 'number' || endOfLife <= purchased) continue;
    realised += Math.max(0, retiredDay - purchased);
    planned += endOfLife - purchased;
  }
  return kpiResult(
    ASSET_LIFECYCLE_VALUE,
    input.window,
    realised,
    planned,
    'no asset with a purchase date and planned end of life was retired within the window',
  );
}
