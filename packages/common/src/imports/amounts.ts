// Amounts of money as people and spreadsheet tools write them (`$12.58`, `1,299.99`,
// `1.299,00 €`, `1 299,00`), read exactly: the digits become a fraction of BigInts (see
// finance/rational.ts), never a sum of binary floating point steps, so `1.299,00` is 1299 and a
// per-seat price divides a total without drift.
import { rational, roundHalfAwayFromZero, type Rational } from '../finance/rational';

/** The character between whole units and their fraction in a file's amounts. @public */
export const DECIMAL_SEPARATORS = ['.', ','] as const;
/** @public */
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];

/**
 * Amounts keep at most this many decimals (the asset and entitlement schemas' limit).
 *
 * @public
 */
export const AMOUNT_DECIMALS = 4;

// Currency signs and codes around an amount: `$`, `€`, `£`, `¥`, `USD `, ` EUR`, `CHF`.
const AROUND = /^(?:[A-Za-z]{3}\s*|[^\d\s.,()-]{1,3}\s*)?(.*?)(?:\s*[A-Za-z]{3}|\s*[^\d\s.,()-]{1,3})?$/u;
// Thousands separators a decimal separator allows: the other of `.`/`,`, spaces, `'`.
const GROUPS: Record<DecimalSeparator, RegExp> = {
  '.': /^\d{1,3}(?:([,\u00a0\u202f '])\d{3})?(?:\1\d{3})*(?:\.\d+)?$/,
  ',': /^\d{1,3}(?:([.\u00a0\u202f '])\d{3})?(?:\1\d{3})*(?:,\d+)?$/,
};
const PLAIN: Record<DecimalSeparator, RegExp> = {
  '.': /^\d+(?:\.\d+)?$/,
  ',': /^\d+(?:,\d+)?$/,
};

/**
 * An amount read from text: its exact value, and as the nearest number for storage.
 *
 * @public
 */
export interface ParsedAmount {
  exact: Rational;
  value: number;
}

/**
 * Reads an amount as written: an optional currency sign or code before or after, thousands
 * separators in groups of three (`,` `.` space or `'`, whichever is not the decimal separator),
 * and the decimal separator given (`.` by default). Negative amounts and more than
 * {@link AMOUNT_DECIMALS} decimals are refused. Returns an error message when the text is not an
 * amount in that layout, hinting at the other separator when it would read.
 *
 * @public
 */
export function parseAmount(
  text: string,
  decimalSeparator: DecimalSeparator = '.',
): ParsedAmount | { error: string } {
  const around = AROUND.exec(text.trim());
  const core = (around?.[1] ?? '').trim();
  if (/^-|^\(.*\)$/.test(core)) return { error: 'must not be negative' };
  const read = (sep: DecimalSeparator): ParsedAmount | undefined => {
    if (!PLAIN[sep].test(core) && !GROUPS[sep].test(core)) return undefined;
    const at = core.lastIndexOf(sep);
    const whole = (at < 0 ? core : core.slice(0, at)).replace(/\D/g, '');
    const fraction = at < 0 ? '' : core.slice(at + 1);
    const exact = rational(BigInt(`${whole}${fraction}` || '0'), 10n ** BigInt(fraction.length));
    return { exact, value: Number(`${whole}.${fraction || '0'}`) };
  };
  const amount = read(decimalSeparator);
  if (amount) {
    const decimals = core.length - core.lastIndexOf(decimalSeparator) - 1;
    if (core.includes(decimalSeparator) && decimals > AMOUNT_DECIMALS) {
      return { error: `has more than ${AMOUNT_DECIMALS} decimals` };
    }
    return amount;
  }
  const other: DecimalSeparator = decimalSeparator === '.' ? ',' : '.';
  const hint = read(other)
    ? ` (it reads with "${other}" as the decimal separator: set decimalSeparator=${other === ',' ? 'comma' : 'dot'})`
    : '';
  return { error: `is not an amount with "${decimalSeparator}" as decimal separator, e.g. ${EXAMPLES[decimalSeparator]}${hint}` };
}

const EXAMPLES: Record<DecimalSeparator, string> = { '.': '1,299.99', ',': '1.299,99' };

/**
 * The exact quotient `total / count` rounded half away from zero to {@link AMOUNT_DECIMALS}
 * decimals: the price of one unit when a file gives the price of all of them.
 *
 * @public
 */
export function divideAmount(total: Rational, count: number): number {
  const scale = 10n ** BigInt(AMOUNT_DECIMALS);
  const scaled = roundHalfAwayFromZero(rational(total.n * scale, total.d * BigInt(count)));
  const digits = scaled.toString().padStart(AMOUNT_DECIMALS + 1, '0');
  return Number(`${digits.slice(0, -AMOUNT_DECIMALS)}.${digits.slice(-AMOUNT_DECIMALS)}`);
}
