import type { Asset } from '@itam/common';

/** How worrying a status is; `unknown` when the register lacks the date it depends on. */
export type StatusLevel = 'ok' | 'warning' | 'error' | 'unknown';

/** A status computed from an asset's dates, with the words to show. */
export interface DateStatus {
  level: StatusLevel;
  label: string;
}

/** A warranty or end of life this close (in days) is flagged as a warning. */
export const EXPIRY_WARNING_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's date in UTC, `YYYY-MM-DD`, the form the register stores dates in. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS,
  );
}

function inDays(days: number): string {
  if (days === 0) return 'today';
  return days === 1 ? 'in 1 day' : `in ${days} days`;
}

/**
 * The warranty status on `today`: expired, ending within {@link EXPIRY_WARNING_DAYS}, covered,
 * or unknown when no warranty end is recorded.
 */
export function warrantyStatus(asset: Pick<Asset, 'warrantyEnd'>, today: string): DateStatus {
  const end = asset.warrantyEnd;
  if (!end) return { level: 'unknown', label: 'No warranty recorded' };
  const days = daysBetween(today, end);
  if (days < 0) return { level: 'error', label: `Warranty expired on ${end}` };
  if (days <= EXPIRY_WARNING_DAYS) {
    return { level: 'warning', label: `Warranty ends ${inDays(days)} (${end})` };
  }
  return { level: 'ok', label: `Under warranty until ${end}` };
}

/**
 * The end-of-life status on `today`, from the end-of-life and end-of-support dates: past end of
 * life or support is an error, either within {@link EXPIRY_WARNING_DAYS} a warning.
 */
export function endOfLifeStatus(
  asset: Pick<Asset, 'endOfLife' | 'endOfSupport'>,
  today: string,
): DateStatus {
  const { endOfLife, endOfSupport } = asset;
  const eolDays = endOfLife ? daysBetween(today, endOfLife) : undefined;
  const eosDays = endOfSupport ? daysBetween(today, endOfSupport) : undefined;
  if (eolDays !== undefined && eolDays < 0) {
    return { level: 'error', label: `Past end of life (${endOfLife})` };
  }
  if (eosDays !== undefined && eosDays < 0) {
    return { level: 'error', label: `Out of support since ${endOfSupport}` };
  }
  if (eolDays !== undefined && eolDays <= EXPIRY_WARNING_DAYS) {
    return { level: 'warning', label: `End of life ${inDays(eolDays)} (${endOfLife})` };
  }
  if (eosDays !== undefined && eosDays <= EXPIRY_WARNING_DAYS) {
    return { level: 'warning', label: `End of support ${inDays(eosDays)} (${endOfSupport})` };
  }
  if (endOfLife) return { level: 'ok', label: `End of life on ${endOfLife}` };
  if (endOfSupport) return { level: 'ok', label: `Supported until ${endOfSupport}` };
  return { level: 'unknown', label: 'No end-of-life date' };
}
