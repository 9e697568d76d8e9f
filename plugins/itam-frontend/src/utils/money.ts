/**
 * The locale amounts are written in. Fixed rather than the browser's so that the same figure
 * reads the same for everyone (and in tests); the currency is always the amount's own.
 */
const MONEY_LOCALE = 'en-GB';

/**
 * An amount in its own currency, e.g. `€115,200.00`. Amounts are never converted: an amount
 * without a currency is written as a plain number, and an unknown code is written beside it.
 */
export function formatMoney(amount: number, currency: string | null | undefined): string {
  if (!currency) return new Intl.NumberFormat(MONEY_LOCALE).format(amount);
  try {
    return new Intl.NumberFormat(MONEY_LOCALE, { style: 'currency', currency }).format(amount);
  } catch {
    return `${new Intl.NumberFormat(MONEY_LOCALE).format(amount)} ${currency}`;
  }
}
