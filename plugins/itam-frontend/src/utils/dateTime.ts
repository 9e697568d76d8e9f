/**
 * A timestamp as `YYYY-MM-DD HH:MM UTC`: the same text for every viewer and test machine,
 * whatever the browser's locale and time zone (the register's dates are UTC too).
 */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return 'not set';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A share (0 to 1) as a whole percentage, or "n/a" when there is none. */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return 'n/a';
  return `${Math.round(share * 100)}%`;
}
