export { todayIso } from '../utils/assetStatus';

/** `date` (`YYYY-MM-DD`) moved by `days`, so fixtures stay relative to the day the test runs. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
