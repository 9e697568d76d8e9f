import type { Asset } from '../asset/types';
import type { ValidationIssue } from '../errors';
import { parseDateWindow, type DateWindow } from '../finance/dateWindow';
import { checkLifecycleEvents, throwIfIssues, type LifecycleEvent } from './kpiInputs';
import type { RetirementFacts } from './kpiFacts';
import { kpiResult, type KpiDefinition, type KpiResult } from './kpiResult';
import { assetsUnderManagement } from './registerScope';

/** @public */
export const ASSET_TURNOVER_RATE: KpiDefinition = {
  id: 'asset-turnover-rate',
  name: 'Asset turnover rate',
  unit: 'ratio per window',
  definition:
    'Distinct assets retired (refreshed or replaced) within the window ÷ distinct assets under management ' +
    'during the window: those under management at its end plus those retired within it. An asset ' +
    'retired and reinstated counts once in each.',
};

/**
 * Asset turnover rate: the share of the managed estate refreshed or replaced within the window.
 * Between 0 and 1, since every asset retired within the window is in the denominator.
 *
 * @throws {@link ItamValidationError} for a bad window or event.
 * @public
 */
export function assetTurnoverRate(input: {
  window: DateWindow;
  assets: readonly Asset[];
  lifecycleEvents: readonly LifecycleEvent[];
}): KpiResult {
  const retired = retiredWithin(input.window, input.lifecycleEvents);
  const managed = assetsUnderManagement(input.assets);
  const retirements = [...retired.keys()].map(id => ({ underManagement: managed.has(id) }));
  return turnoverFromFacts({ window: input.window, underManagement: managed.size, retirements });
}

/**
 * Asset turnover rate from the managed count and the retirements within the window: the
 * population is the managed estate plus the retired assets not back under management.
 *
 * @throws {@link ItamValidationError} for a bad window.
 * @public
 */
export function turnoverFromFacts(facts: {
  window: DateWindow;
  underManagement: number;
  retirements: readonly Pick<RetirementFacts, 'underManagement'>[];
}): KpiResult {
  parseDateWindow(facts.window, 'window', 'KPI input');
  const population = facts.underManagement + facts.retirements.filter(r => !r.underManagement).length;
  return kpiResult(ASSET_TURNOVER_RATE, facts.window, facts.retirements.length, population, 'no assets under management during the window');
}

/**
 * Assets retired within a window, each with the day of its last retirement in it. Checks the
 * window, then the events.
 *
 * @throws {@link ItamValidationError} for a bad window or event.
 * @public
 */
export function retiredWithin(window: DateWindow, events: readonly LifecycleEvent[]): Map<string, number> {
  const range = parseDateWindow(window, 'window', 'KPI input');
  const issues: ValidationIssue[] = [];
  const days = checkLifecycleEvents(events, issues);
  throwIfIssues(issues, 'KPI input');
  const retired = new Map<string, number>();
  events.forEach((event, i) => {
    const day = days[i];
    if (event.transition?.to !== 'retired' || day === undefined) return;
    if (day < range.fromDay || day > range.toDay) return;
    retired.set(event.assetId, Math.max(day, retired.get(event.assetId) ?? day));
  });
  return retired;
}
