// Day arithmetic and date status are common's (parseIsoDay, assetDateStatus); this module only
// names the day of an instant and moves an instant back, for the incident history window.

/** The calendar day (UTC) of an instant, `YYYY-MM-DD`. */
export function isoDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The instant `days` days before `now`. */
export function daysBefore(now: Date, days: number): Date {
  const before = new Date(now.getTime());
  before.setUTCDate(before.getUTCDate() - days);
  return before;
}
