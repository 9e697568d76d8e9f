// One fixed locale, as for money (`./money`), so every reader and every test machine sees the
// same digits.
const LOCALE = 'en-GB';

/** A share (`0.755`) as a percentage with at most one decimal (`75.5%`). */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return 'n/a';
  return `${(Math.round(share * 1000) / 10).toLocaleString(LOCALE)}%`;
}

/** A count or rate with thousands separators and at most `decimals` decimals. */
export function formatNumber(value: number, decimals = 2): string {
  return value.toLocaleString(LOCALE, { maximumFractionDigits: decimals });
}
