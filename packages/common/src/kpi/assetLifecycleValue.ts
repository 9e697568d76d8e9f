import type { Asset } from '../asset/types';
import { parseDateWindow, type DateWindow } from '../finance/dateWindow';
import { retiredWithin } from './assetTurnoverRate';
import type { LifecycleEvent } from './kpiInputs';
import { retirementFacts, type RetirementFacts } from './kpiFacts';
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
  return lifecycleValueFromFacts(input.window, retirementFacts(retired, id => byId.get(id)));
}

/**
 * Asset lifecycle value from the retirements within the window.
 *
 * @throws {@link ItamValidationError} for a bad window.
 * @public
 */
export function lifecycleValueFromFacts(window: DateWindow, retirements: readonly RetirementFacts[]): KpiResult {
  parseDateWindow(window, 'window', 'KPI input');
  let realised = 0;
  let planned = 0;
  for (const { retiredDay, purchaseDay: purchased, endOfLifeDay: endOfLife } of retirements) {
    if (purchased === undefined || endOfLife === undefined || endOfLife <= purchased) continue;
    realised += Math.max(0, retiredDay - purchased);
    planned += endOfLife - purchased;
  }
  return kpiResult(
    ASSET_LIFECYCLE_VALUE,
    window,
    realised,
    planned,
    'no asset with a purchase date and planned end of life was retired within the window',
  );
}
