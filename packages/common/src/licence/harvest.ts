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
 * Sorts candidates in {@link compareHarvestCandidates} order. Candidates share few distinct
 * numbers of days unused, so they are bucketed by that number first (an integer key, cheaper than
 * the date text) and only each bucket is sorted by id: far fewer string comparisons than one sort
 * over hundreds of thousands of candidates.
 *
 * @public
 */
export function sortHarvestCandidates(candidates: HarvestCandidate[]): HarvestCandidate[] {
  const byDays = new Map<number, HarvestCandidate[]>();
  for (const c of candidates) {
    // Never used counts as unused forever, which puts those candidates first.
    const days = c.daysUnused ?? Number.MAX_SAFE_INTEGER;
    const bucket = byDays.get(days);
    if (bucket) bucket.push(c);
    else byDays.set(days, [c]);
  }
  const order = [...byDays.keys()].sort((a, b) => b - a);
  let i = 0;
  for (const days of order) {
    const bucket = byDays.get(days)!;
    if (bucket.length > 1) bucket.sort(byInstallation);
    for (const c of bucket) candidates[i++] = c;
  }
  return candidates;
}
