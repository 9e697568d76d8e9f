import { DEFAULT_DECLINING_BALANCE_FACTOR, type ValidDepreciationInput } from './depreciationInput';
import { fromNumber, mul, rational, sub, ZERO, type Rational } from './rational';

/**
 * Exact accumulated depreciation at the end of each period 0..`through` (index 0 is 0), as the
 * spreadsheet functions define each method, without any rounding.
 *
 * - Straight-line (SLN): (cost − salvage) × k ÷ life.
 * - Sum-of-years' digits (SYD): period k charges (cost − salvage) × (life − k + 1) ÷ (life(life+1)/2).
 * - Declining balance (DDB): period k charges min(book value × factor ÷ life, book value − salvage),
 *   never negative, so book value never goes below salvage. With `switchToStraightLine` (VDB), from
 *   the first period where straight-line over the remaining life charges more, the rest of the
 *   depreciable amount is spread evenly over the remaining periods.
 *
 * @param through - last period wanted, at most the life; defaults to the whole life.
 * @internal
 */
export function accumulatedDepreciation(
  input: ValidDepreciationInput,
  through: number = input.life,
): Rational[] {
  const base = sub(fromNumber(input.cost), fromNumber(input.salvage));
  const life = BigInt(input.life);
  const out: Rational[] = [ZERO];
  switch (input.method) {
    case 'straight-line':
      for (let k = 1; k <= through; k++) out.push(mul(base, rational(BigInt(k), life)));
      return out;
    case 'sum-of-years-digits':
      // Σ_{i=1..k} (L − i + 1) = k(2L − k + 1)/2, over the digits' total L(L + 1)/2.
      for (let k = 1n; k <= BigInt(through); k++) {
        out.push(mul(base, rational(k * (2n * life - k + 1n), life * (life + 1n))));
      }
      return out;
    case 'declining-balance':
      return decliningBalance(input, through);
  }
}

/**
 * Declining balance on integer numerators over one growing denominator. Book value after k
 * periods is max(salvage, cost × ρ^k) with ρ = 1 − factor ÷ life, so each step is a multiply by
 * a small integer; mixing denominators instead would square their size every period.
 */
function decliningBalance(input: ValidDepreciationInput, through: number): Rational[] {
  const cost = fromNumber(input.cost);
  const salvage = fromNumber(input.salvage);
  const factor = fromNumber(input.factor ?? DEFAULT_DECLINING_BALANCE_FACTOR);
  // ρ = a / b. When factor ≥ life, a ≤ 0: the first period takes the asset straight to salvage.
  const b = factor.d * BigInt(input.life);
  const a = b - factor.n;

  // Book, salvage and cost as numerators over `den`.
  let den = cost.d * salvage.d;
  let book = cost.n * salvage.d;
  let salv = salvage.n * cost.d;
  let full = book;
  const out: Rational[] = [ZERO];
  let evenly: { step: bigint; den: bigint; acc: bigint } | undefined;

  for (let k = 1; k <= through; k++) {
    if (evenly) {
      evenly.acc += evenly.step;
      out.push({ n: evenly.acc, d: evenly.den });
      continue;
    }
    if (book === salv) {
      // Fully depreciated: nothing more to charge, and no reason to grow the numbers.
      out.push({ n: full - book, d: den });
      continue;
    }
    const nextBook = book * a > salv * b ? book * a : salv * b;
    if (input.switchToStraightLine) {
      const remaining = BigInt(input.life - k + 1);
      // straight-line charge (book − salvage) ÷ remaining  vs  declining charge book − nextBook,
      // compared over the common denominator den × b × remaining.
      if ((book - salv) * b > (book * b - nextBook) * remaining) {
        const slDen = den * remaining;
        evenly = { step: book - salv, den: slDen, acc: (full - book) * remaining + (book - salv) };
        out.push({ n: evenly.acc, d: slDen });
        continue;
      }
    }
    book = nextBook;
    salv *= b;
    full *= b;
    den *= b;
    out.push({ n: full - book, d: den });
  }
  return out;
}
