/**
 * Where an entitlement's term stands on a date: only `active` rights count in a reconciliation.
 *
 * @public
 */
export type TermStatus = 'active' | 'expired' | 'not-started';

/**
 * Whether a right with the given term counts on `asOf`. Both ends are inclusive calendar days
 * (a term ending 2025-12-31 still counts on that day); a missing start means "since purchase",
 * a missing end a perpetual right.
 *
 * Dates are `YYYY-MM-DD` strings, which order as text exactly as they do in time, so no parsing
 * is needed on this hot path.
 *
 * @public
 */
export function termStatus(
  term: { termStart?: string; termEnd?: string },
  asOf: string,
): TermStatus {
  if (term.termStart !== undefined && asOf < term.termStart) return 'not-started';
  if (term.termEnd !== undefined && asOf > term.termEnd) return 'expired';
  return 'active';
}
