import { z } from 'zod';
import { isoDateSchema } from '../asset/schema';
import { parseOrThrow } from '../validation';
import { parseIsoDay } from './calendar';

/**
 * A window of whole days, `from` and `to` both included (`2026-01-01` to `2026-03-31` is the first
 * quarter), read in UTC.
 *
 * @public
 */
export const dateWindowSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .strict()
  .refine(w => w.from <= w.to, { path: ['to'], message: 'must not be before from' });

/** @public */
export type DateWindow = z.output<typeof dateWindowSchema>;

/**
 * A validated window as UTC day numbers, both ends included.
 *
 * @internal
 */
export interface DayRange {
  fromDay: number;
  toDay: number;
}

/**
 * Validates a window and returns its day range.
 *
 * @throws {@link ItamValidationError} with `<path>.from` / `<path>.to` for bad or reversed dates.
 * @internal
 */
export function parseDateWindow(window: DateWindow, path = 'window', subject?: string): DayRange {
  // Parsed inside a wrapper object so the issues carry the caller's field path.
  parseOrThrow(z.object({ [path]: dateWindowSchema }), { [path]: window }, subject);
  return { fromDay: parseIsoDay(window.from)!, toDay: parseIsoDay(window.to)! };
}

/**
 * Number of days two inclusive day ranges share (0 when they do not meet).
 *
 * @internal
 */
export function overlapDays(a: DayRange, b: DayRange): number {
  return Math.max(0, Math.min(a.toDay, b.toDay) - Math.max(a.fromDay, b.fromDay) + 1);
}
