import { fromNumber, mul, rational, roundHalfAwayFromZero, type Rational } from './rational';

// ISO 4217 minor-unit exponents that differ from the usual two decimals. Kept as data so a
// yen amount is rounded to whole yen and a dinar amount to fils, not everything to "cents".
const EXPONENT_OVERRIDES: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0,
  UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/**
 * ISO 4217 alphabetic code pattern, as the asset schema checks it.
 *
 * @internal
 */
export const CURRENCY_CODE_PATTERN = /^[A-Z]{3}$/;

/**
 * Number of decimal places of a currency's minor unit (ISO 4217): 2 for EUR or USD, 0 for JPY,
 * 3 for KWD. Unknown or absent codes use 2, the common case.
 *
 * @public
 */
export function minorUnitDigits(currency?: string): number {
  return currency !== undefined && Object.hasOwn(EXPONENT_OVERRIDES, currency)
    ? EXPONENT_OVERRIDES[currency]
    : 2;
}

/**
 * How many minor units make one major unit of `currency` (100 for EUR, 1 for JPY).
 *
 * @internal
 */
export function minorUnitScale(currency?: string): bigint {
  return 10n ** BigInt(minorUnitDigits(currency));
}

/**
 * Rounds an exact amount in major units to whole minor units (halves away from zero).
 *
 * @internal
 */
export function roundToMinor(amount: Rational, currency?: string): bigint {
  return roundHalfAwayFromZero(mul(amount, rational(minorUnitScale(currency))));
}

/**
 * An integer count of minor units as a number in major units (e.g. 409091n cents to 4090.91).
 * The division happens once, so the result is the double nearest to the exact figure.
 *
 * @internal
 */
export function minorToNumber(minor: bigint, currency?: string): number {
  return Number(minor) / Number(minorUnitScale(currency));
}

/**
 * Whether `amount` (major units) is a whole number of the currency's minor units.
 *
 * @internal
 */
export function isWholeMinorUnits(amount: number, currency?: string): boolean {
  const minor = mul(fromNumber(amount), rational(minorUnitScale(currency)));
  return minor.n % minor.d === 0n;
}

/**
 * Sums amounts given in major units exactly (through minor units), so that
 * `sumMoney([0.1, 0.2], 'EUR')` is 0.3 and not 0.30000000000000004. Each amount is first rounded
 * to minor units.
 *
 * @public
 */
export function sumMoney(amounts: readonly number[], currency?: string): number {
  let total = 0n;
  for (const a of amounts) total += roundToMinor(fromNumber(a), currency);
  return minorToNumber(total, currency);
}
