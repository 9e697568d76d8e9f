import { assetDateStatus, DEFAULT_NOTICE_WINDOWS, type Asset, type NoticeWindows } from '@itam/common';

/** How worrying a status is; `unknown` when the register lacks the date it depends on. */
export type StatusLevel = 'ok' | 'warning' | 'error' | 'unknown';

/** A status computed from an asset's dates, with the words to show. */
export interface DateStatus {
  level: StatusLevel;
  label: string;
}

/** Today's date in UTC, `YYYY-MM-DD`, the form the register stores dates in. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function inDays(days: number): string {
  if (days === 0) return 'today';
  return days === 1 ? 'in 1 day' : `in ${days} days`;
}

/**
 * The warranty status on `today` as common's `assetDateStatus` judges it with the configured
 * notice windows: expired, ending within the warranty window, covered, or unknown when no
 * warranty end is recorded. Only the words are this module's.
 */
export function warrantyStatus(
  asset: Pick<Asset, 'warrantyEnd'>,
  today: string,
  windows: NoticeWindows = DEFAULT_NOTICE_WINDOWS,
): DateStatus {
  const { state, date, daysLeft } = assetDateStatus(asset, today, windows).warranty;
  if (state === 'none') return { level: 'unknown', label: 'No warranty recorded' };
  if (state === 'passed') return { level: 'error', label: `Warranty expired on ${date}` };
  if (state === 'due-soon') return { level: 'warning', label: `Warranty ends ${inDays(daysLeft!)} (${date})` };
  return { level: 'ok', label: `Under warranty until ${date}` };
}

/**
 * The end-of-life status on `today`, from the end-of-life and end-of-support dates as common's
 * `assetDateStatus` judges them: past end of life or support is an error, either within its
 * notice window a warning (end of life first).
 */
export function endOfLifeStatus(
  asset: Pick<Asset, 'endOfLife' | 'endOfSupport'>,
  today: string,
  windows: NoticeWindows = DEFAULT_NOTICE_WINDOWS,
): DateStatus {
  const { endOfLife: eol, endOfSupport: eos } = assetDateStatus(asset, today, windows);
  if (eol.state === 'passed') return { level: 'error', label: `Past end of life (${eol.date})` };
  if (eos.state === 'passed') return { level: 'error', label: `Out of support since ${eos.date}` };
  if (eol.state === 'due-soon') return { level: 'warning', label: `End of life ${inDays(eol.daysLeft!)} (${eol.date})` };
  if (eos.state === 'due-soon') return { level: 'warning', label: `End of support ${inDays(eos.daysLeft!)} (${eos.date})` };
  if (eol.state === 'ok') return { level: 'ok', label: `End of life on ${eol.date}` };
  if (eos.state === 'ok') return { level: 'ok', label: `Supported until ${eos.date}` };
  return { level: 'unknown', label: 'No end-of-life date' };
}
