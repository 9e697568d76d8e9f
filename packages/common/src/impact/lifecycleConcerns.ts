import { instantToDay } from '../finance/calendar';
import type { ImpactAssetInput } from './types';

/** The UTC day of a date or an instant (NaN for anything else, which then compares as no day). */
function utcDay(isoDateOrDateTime: string): number {
  return instantToDay(isoDateOrDateTime) ?? Number.NaN;
}

/**
 * Why an asset makes a change more likely to go wrong, judged on the day the change starts: it is
 * under maintenance already, or it is past or within `nearDays` of its end of life or end of
 * support (patches, drivers and vendor help may be missing when the change needs them).
 * Empty when there is nothing to say.
 *
 * @param changeStart - ISO date-time the change window starts.
 * @public
 */
export function assetLifecycleConcerns(
  asset: ImpactAssetInput,
  changeStart: string,
  nearDays: number,
): string[] {
  const concerns: string[] = [];
  if (asset.lifecycleStage === 'maintenance') concerns.push(`asset ${asset.tag} is in maintenance`);
  const day = utcDay(changeStart);
  for (const [field, label] of [
    ['endOfLife', 'end of life'],
    ['endOfSupport', 'end of support'],
  ] as const) {
    const date = asset[field];
    if (!date) continue;
    const left = utcDay(date) - day;
    if (left < 0) concerns.push(`asset ${asset.tag} passed ${label} on ${date}`);
    else if (left <= nearDays) {
      concerns.push(`asset ${asset.tag} reaches ${label} on ${date}, ${left} ${left === 1 ? 'day' : 'days'} after the change starts`);
    }
  }
  return concerns;
}
