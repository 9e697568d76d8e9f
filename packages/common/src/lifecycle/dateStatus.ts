import type { Asset } from '../asset/types';
import { parseIsoDay } from '../finance/calendar';
import type { RiskConfig } from '../risk/config';
import { DEFAULT_RISK_CONFIG } from '../risk/config';

/**
 * How many days before each of an asset's end dates people are warned: one setting for the risk
 * findings, the Backstage pages and the Jira panels, so an asset is never "fine" in one and
 * "approaching end of life" in another.
 *
 * @public
 */
export interface NoticeWindows {
  warrantyDays: number;
  endOfLifeDays: number;
  endOfSupportDays: number;
}

/**
 * The notice windows of a risk configuration (`warranty`, `endOfLife` and `endOfSupport`
 * `warnWithinDays`), which is where they are configured.
 *
 * @public
 */
export function noticeWindows(config: RiskConfig = DEFAULT_RISK_CONFIG): NoticeWindows {
  return {
    warrantyDays: config.warranty.warnWithinDays,
    endOfLifeDays: config.endOfLife.warnWithinDays,
    endOfSupportDays: config.endOfSupport.warnWithinDays,
  };
}

/**
 * The windows when nothing is configured: 90 days for a warranty, 180 for end of life (time to
 * budget and buy a replacement), 90 for end of support.
 *
 * @public
 */
export const DEFAULT_NOTICE_WINDOWS: NoticeWindows = noticeWindows(DEFAULT_RISK_CONFIG);

/**
 * Where a right that ends on a date (warranty, end of life, vendor support) stands on a day:
 * `none` without a date, `passed` from the day after it, `due-soon` within the notice window
 * (the end day itself included: vendors publish the last covered day), `ok` before.
 *
 * @public
 */
export type EndDateState = 'none' | 'ok' | 'due-soon' | 'passed';

/**
 * An end date's state with the date and the days left (negative once passed).
 *
 * @public
 */
export interface EndDateStatus {
  state: EndDateState;
  date?: string;
  daysLeft?: number;
}

/**
 * The state of an end date on `today` (both `YYYY-MM-DD`); a date that is not a calendar day
 * counts as none.
 *
 * @public
 */
export function endDateStatus(date: string | undefined, today: string, noticeDays: number): EndDateStatus {
  const end = date === undefined ? undefined : parseIsoDay(date);
  const now = parseIsoDay(today);
  if (end === undefined || now === undefined) return { state: 'none' };
  const daysLeft = end - now;
  return { state: daysLeft < 0 ? 'passed' : daysLeft <= noticeDays ? 'due-soon' : 'ok', date, daysLeft };
}

/**
 * An asset's warranty, end of life and end of support on `today`.
 *
 * @public
 */
export interface AssetDateStatus {
  warranty: EndDateStatus;
  endOfLife: EndDateStatus;
  endOfSupport: EndDateStatus;
}

/**
 * The state of each of an asset's end dates on `today`, warned within `windows`.
 *
 * @public
 */
export function assetDateStatus(
  asset: Pick<Asset, 'warrantyEnd' | 'endOfLife' | 'endOfSupport'>,
  today: string,
  windows: NoticeWindows = DEFAULT_NOTICE_WINDOWS,
): AssetDateStatus {
  return {
    warranty: endDateStatus(asset.warrantyEnd, today, windows.warrantyDays),
    endOfLife: endDateStatus(asset.endOfLife, today, windows.endOfLifeDays),
    endOfSupport: endDateStatus(asset.endOfSupport, today, windows.endOfSupportDays),
  };
}

/**
 * Whether a criticality tier is critical: tiers up to and including `criticalTierMax` (the risk
 * configuration's, 2 by default; tier 1 is the most critical).
 *
 * @public
 */
export function isCriticalTier(criticality: number, criticalTierMax: number = DEFAULT_RISK_CONFIG.criticalTierMax): boolean {
  return criticality <= criticalTierMax;
}
