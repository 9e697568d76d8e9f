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
