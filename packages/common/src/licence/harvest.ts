import { addCalendarDays, calendarDaysBetween } from './calendarDays';
import type { HarvestCandidate } from './resultTypes';
import type { Installation } from './types';

/**
 * Finds installations worth harvesting: metered and never used (`lastUsed: null`), or last used
 * more than `afterDays` days before `asOf`. Installations without metering (`lastUsed` absent)
 * are not candidates: absence of data is not evidence of disuse.
 *
 * @public
 */
export class HarvestFinder {
  private readonly cutoff: string;
  private readonly days = new Map<string, number>();

  constructor(private readonly asOf: string, afterDays: number) {
    // Strictly before the cutoff means more than `afterDays` whole days without use.
    this.cutoff = addCalendarDays(asOf, -afterDays);
  }

  /** The candidate record for `installation`, or undefined when it is in use. */
  check(installation: Installation): HarvestCandidate | undefined {
    const { lastUsed } = installation;
    if (lastUsed === null) {
      return { installationId: installation.id, deviceId: installation.deviceId, lastUsed: null, daysUnused: null, reason: 'never-used' };
    }
    if (lastUsed === undefined || lastUsed >= this.cutoff) return undefined;
    // Many installations share a last-used day; the day count is computed once per day.
    let daysUnused = this.days.get(lastUsed);
    if (daysUnused === undefined) {
      daysUnused = calendarDaysBetween(lastUsed, this.asOf);
      this.days.set(lastUsed, daysUnused);
    }
    return { installationId: installation.id, deviceId: installation.deviceId, lastUsed, daysUnused, reason: 'unused' };
  }
}

/**
 * Orders candidates for the UI and for a stable result: never used first, then the longest
 * unused, then by installation id and device.
 *
 * @public
 */
export function compareHarvestCandidates(a: HarvestCandidate, b: HarvestCandidate): number {
  if (a.lastUsed !== b.lastUsed) {
    if (a.lastUsed === null) return -1;
    if (b.lastUsed === null) return 1;
    return a.lastUsed < b.lastUsed ? -1 : 1;
  }
  if (a.installationId !== b.installationId) return a.installationId < b.installationId ? -1 : 1;
  // Only duplicate ids get here; the device makes the order total, so input order never shows.
  return a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0;
}

const byInstallation = (a: HarvestCandidate, b: HarvestCandidate) =>
  a.installationId < b.installationId ? -1 : a.installationId > b.installationId ? 1 : a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0;

/**
 * Sorts candidates in {@link compareHarvestCandidates} order. A product's candidates mostly differ
 * in days unused (an integer, cheaper than the date text), so they are ordered by that first with
 * one native sort of numbers (days packed with the position), and only runs of equal days are
 * then sorted by id. A map of per-day buckets did the same with an array per day per product:
 * hundreds of thousands of small allocations over a large estate.
 *
 * @public
 */
export function sortHarvestCandidates(candidates: HarvestCandidate[]): HarvestCandidate[] {
  const n = candidates.length;
  if (n < 2) return candidates;
  let maxDays = 0;
  for (const c of candidates) if (c.daysUnused !== null && c.daysUnused > maxDays) maxDays = c.daysUnused;
  // Group 0 is never used (unused forever); then the longest unused first. group × n + position
  // stays far below 2^53 (days in centuries × millions of candidates).
  const order = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const days = candidates[j].daysUnused;
    order[j] = (days === null ? 0 : maxDays - days + 1) * n + j;
  }
  order.sort();
  const sorted = new Array<HarvestCandidate>(n);
  for (let j = 0; j < n; j++) sorted[j] = candidates[order[j] % n];
  let j = 0;
  while (j < n) {
    const group = Math.floor(order[j] / n);
    let end = j + 1;
    while (end < n && Math.floor(order[end] / n) === group) end++;
    if (end - j > 1) {
      const run = sorted.slice(j, end).sort(byInstallation);
      for (let x = j; x < end; x++) sorted[x] = run[x - j];
    }
    j = end;
  }
  for (let x = 0; x < n; x++) candidates[x] = sorted[x];
  return candidates;
}
