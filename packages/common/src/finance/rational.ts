// Exact arithmetic on fractions of BigInts. Money maths here must not drift: a declining-balance
// book value after n periods is cost × ((L − f) / L)^n, which binary floating point cannot hold
// exactly, and a half-cent tie rounded the wrong way breaks "equal to the spreadsheet to the cent"
// and "the schedule sums to cost − salvage". So every amount is a fraction until it is rounded once,
// to minor units, at the edge.

/**
 * An exact fraction `n / d` with `d > 0`. The arithmetic below does not reduce to lowest terms
 * (a gcd on long declining-balance fractions costs more than all the rest); call `reduce`
 * where a long chain of sums would otherwise grow.
 *
 * @public
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * Builds the fraction `n / d` in lowest terms.
 *
 * @throws RangeError when `d` is zero.
 * @internal
 */
export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('rational: zero denominator');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

/** The fraction 0. @internal */
export const ZERO: Rational = { n: 0n, d: 1n };

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/**
 * The exact value of a number as a person wrote it: `0.1` is one tenth, not the binary double
 * nearest to it. JavaScript prints the shortest decimal that round-trips, so that decimal is
 * what the caller meant.
 *
 * @throws RangeError for NaN or infinities.
 * @internal
 */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`rational: ${x} is not a finite number`);
  const m = DECIMAL.exec(String(x));
  if (!m) throw new RangeError(`rational: cannot read ${x} as a decimal`);
  const [, sign, int, frac = '', exp = '0'] = m;
  const scale = frac.length - Number(exp);
  const digits = BigInt(`${sign}${int}${frac}`);
  return scale >= 0 ? rational(digits, 10n ** BigInt(scale)) : rational(digits * 10n ** BigInt(-scale));
}

/** The same fraction in lowest terms. @internal */
export function reduce(a: Rational): Rational {
  return rational(a.n, a.d);
}

/** `a + b`. @internal */
export function add(a: Rational, b: Rational): Rational {
  return a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

/** `a − b`. @internal */
export function sub(a: Rational, b: Rational): Rational {
  return add(a, { n: -b.n, d: b.d });
}

/** `a × b`. @internal */
export function mul(a: Rational, b: Rational): Rational {
  return { n: a.n * b.n, d: a.d * b.d };
}

/**
 * Rounds to the nearest integer, halves away from zero: the rule of the spreadsheet ROUND
 * function and of commercial rounding, so a displayed figure matches the spreadsheet's.
 *
 * @internal
 */
export function roundHalfAwayFromZero(a: Rational): bigint {
  const negative = a.n < 0n;
  const abs = negative ? -a.n : a.n;
  const rounded = (2n * abs + a.d) / (2n * a.d);
  return negative ? -rounded : rounded;
}
