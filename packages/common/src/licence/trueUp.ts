import { ItamValidationError } from '../errors';
import type { TrueUpEstimate } from './resultTypes';

/**
 * Rounds money to 4 decimal places, the precision prices are stored in, so sums of products like
 * 3 × 0.1 do not show floating-point noise.
 *
 * @public
 */
export function roundMoney(amount: number): number {
  return Math.round(amount * 10_000) / 10_000;
}

/**
 * Cost of buying `shortfall` units at `unitCost`; `null` when the shortfall has no price.
 *
 * @public
 */
export function trueUpCost(shortfall: number, unitCost: number | null): number | null {
  if (shortfall <= 0) return 0;
  return unitCost === null ? null : roundMoney(shortfall * unitCost);
}

/**
 * Adds true-up estimates. Amounts in different currencies are never added: that is refused with
 * an error naming the currencies, since a total across currencies needs exchange rates this
 * pure function does not have.
 *
 * @throws {@link ItamValidationError} when the estimates are in more than one currency.
 * @public
 */
export function sumTrueUps(estimates: readonly TrueUpEstimate[], path = 'trueUp'): TrueUpEstimate {
  let cost = 0;
  let complete = true;
  const currencies = new Set<string>();
  for (const e of estimates) {
    cost += e.cost;
    complete &&= e.complete;
    if (e.currency !== null && e.cost !== 0) currencies.add(e.currency);
  }
  if (currencies.size > 1) {
    throw new ItamValidationError(
      [
        {
          path,
          message: `mixes currencies (${[...currencies].sort().join(', ')}); convert to one currency before adding true-up costs`,
        },
      ],
      'true-up estimates',
    );
  }
  const [currency] = currencies;
  return { cost: roundMoney(cost), currency: currency ?? estimates.find(e => e.currency !== null)?.currency ?? null, complete };
}
