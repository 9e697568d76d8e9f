import { ItamValidationError, type ValidationIssue } from '../errors';
import { parseOrThrow } from '../validation';
import { parseIsoDay } from './calendar';
import { assetCostsSchema, COST_CATEGORIES, type AssetCostsInput, type CostCategory, type CostItem } from './costItem';
import { minorToNumber, roundToMinor } from './currency';
import { overlapDays, parseDateWindow, type DateWindow, type DayRange } from './dateWindow';
import { add, fromNumber, mul, rational, reduce, ZERO, type Rational } from './rational';

/**
 * Total cost of ownership of one asset, over its life or within a window.
 *
 * @public
 */
export interface AssetTco {
  assetId: string;
  currency: string;
  /** The window the costs were counted in; absent for the whole life. */
  window?: DateWindow;
  /** Each category's cost, rounded to the minor unit. */
  byCategory: Record<CostCategory, number>;
  /** Sum of `byCategory`, so the breakdown always adds up to the total exactly. */
  total: number;
}

/**
 * Options of {@link assetTco}.
 *
 * @public
 */
export interface AssetTcoOptions {
  /** Count only costs within these days (both included); the whole life when absent. */
  window?: DateWindow;
}

/**
 * Total cost of ownership of an asset: acquisition + maintenance + support + licence share +
 * disposal.
 *
 * Over the whole life every item counts in full (times its `share`). Within a window a one-off
 * cost counts when its date is in the window, and a contract counts for the share of its term's
 * days inside the window (a year's support from 1 January, asked for January, counts 31/365).
 * Items in another currency are refused: amounts are never converted silently.
 *
 * @throws {@link ItamValidationError} for a bad item, a currency other than the asset's, or — with
 * a window — a cost without a date or term, which cannot be placed in it.
 * @public
 */
export function assetTco(costs: AssetCostsInput, options: AssetTcoOptions = {}): AssetTco {
  const valid = parseOrThrow(assetCostsSchema, costs, 'asset costs');
  const range = options.window && parseDateWindow(options.window, 'window', 'asset costs');
  const undated: ValidationIssue[] = [];
  const sums = Object.fromEntries(COST_CATEGORIES.map(c => [c, ZERO])) as Record<CostCategory, Rational>;
  valid.items.forEach((item, i) => {
    const counted = range ? inWindow(item, range) : itemAmount(item);
    if (counted === undefined) {
      undated.push({ path: `items.${i}.date`, message: 'is required to place this cost in the window (or give a term)' });
      return;
    }
    sums[item.category] = reduce(add(sums[item.category], counted));
  });
  if (undated.length > 0) throw new ItamValidationError(undated, 'asset costs');

  const minor = COST_CATEGORIES.map(c => roundToMinor(sums[c], valid.currency));
  const byCategory = Object.fromEntries(
    COST_CATEGORIES.map((c, i) => [c, minorToNumber(minor[i], valid.currency)]),
  ) as Record<CostCategory, number>;
  return {
    assetId: valid.assetId,
    currency: valid.currency,
    ...(options.window ? { window: { from: options.window.from, to: options.window.to } } : {}),
    byCategory,
    total: minorToNumber(
      minor.reduce((a, b) => a + b, 0n),
      valid.currency,
    ),
  };
}

/** The item's amount times its share, exactly. */
function itemAmount(item: CostItem): Rational {
  const amount = fromNumber(item.amount);
  if (!item.share) return amount;
  const share = fromNumber(item.share.units);
  const of = fromNumber(item.share.of);
  return mul(amount, rational(share.n * of.d, share.d * of.n));
}

/** The part of an item falling in the window, or undefined if it has no date or term. */
function inWindow(item: CostItem, range: DayRange): Rational | undefined {
  if (item.date !== undefined) {
    const day = parseIsoDay(item.date)!;
    return day >= range.fromDay && day <= range.toDay ? itemAmount(item) : ZERO;
  }
  if (item.term === undefined) return undefined;
  const term = { fromDay: parseIsoDay(item.term.start)!, toDay: parseIsoDay(item.term.end)! };
  const days = overlapDays(term, range);
  return mul(itemAmount(item), rational(BigInt(days), BigInt(term.toDay - term.fromDay + 1)));
}
