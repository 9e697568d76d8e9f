import type { DateStatus } from '../common/types';
import { daysBetween } from './dates';

/**
 * Where a right that ends on `endDate` (a warranty, vendor support) stands on `today`: `passed`
 * once the day is over, `due-soon` within `noticeDays` (inclusive), `ok` before, `none` if no date.
 */
export function dateStatus(endDate: string | undefined, today: string, noticeDays: number): DateStatus {
  if (!endDate) return 'none';
  const left = daysBetween(today, endDate);
  if (left < 0) return 'passed';
  return left <= noticeDays ? 'due-soon' : 'ok';
}
