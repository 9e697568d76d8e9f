import type { Asset } from '../asset/types';
import { costItemsFromAsset, type AssetCostsInput } from '../finance/costItem';
import { roundToMinor } from '../finance/currency';
import { fromNumber } from '../finance/rational';

/**
 * What an asset's purchase adds to the cost KPIs: its acquisition cost in minor units of its
 * currency, and the day it counts on. A database keeps these beside the asset so that a
 * window's cost is one indexed sum.
 *
 * @public
 */
export interface PurchaseCostFacts {
  currency: string;
  /** The cost rounded to the currency's minor unit (cents for EUR, yen for JPY). */
  costMinor: bigint;
  /** The purchase date; without one the cost cannot be placed in a window. */
  date?: string;
}

/**
 * The purchase cost facts of an asset, or undefined when it records no cost.
 *
 * @public
 */
export function purchaseCostFacts(asset: Pick<Asset, 'purchase'>): PurchaseCostFacts | undefined {
  const p = asset.purchase;
  if (p?.cost === undefined || p.currency === undefined) return undefined;
  return {
    currency: p.currency,
    costMinor: roundToMinor(fromNumber(p.cost), p.currency),
    ...(p.date === undefined ? {} : { date: p.date }),
  };
}

/**
 * Which of the register's costs the cost KPI counts, in one currency.
 *
 * @public
 */
export interface RegisterCostSelection {
  /** The KPI's currency: the one asked for, else the one most costed assets are in. */
  currency?: string;
  /** Costs of the assets priced in that currency with a purchase date. */
  costs: AssetCostsInput[];
  /** Costed assets in another currency: left out, as amounts are never converted silently. */
  otherCurrency: number;
  /** Costed assets in the currency without a purchase date: left out, as no window holds them. */
  undated: number;
}

/**
 * Selects the register's costs for the cost KPI: the currency asked for or else the dominant
 * one (most costed assets; ties go to the first code alphabetically), counting what is left out.
 *
 * @public
 */
export function registerCostSelection(assets: readonly Asset[], currency?: string): RegisterCostSelection {
  const counts = new Map<string, number>();
  for (const a of assets) {
    const facts = purchaseCostFacts(a);
    if (facts) counts.set(facts.currency, (counts.get(facts.currency) ?? 0) + 1);
  }
  const chosen = currency ?? dominantCurrency(counts);
  const costs: AssetCostsInput[] = [];
  let otherCurrency = 0;
  let undated = 0;
  for (const asset of assets) {
    const facts = purchaseCostFacts(asset);
    if (!facts) continue;
    if (facts.currency !== chosen) otherCurrency += 1;
    else if (facts.date === undefined) undated += 1;
    else costs.push({ assetId: asset.id, currency: facts.currency, items: costItemsFromAsset(asset) });
  }
  return { ...(chosen ? { currency: chosen } : {}), costs, otherCurrency, undated };
}

/**
 * The currency with the most costed assets, given the count per currency; ties go to the first
 * code alphabetically. Undefined when nothing is costed.
 *
 * @public
 */
export function dominantCurrency(counts: ReadonlyMap<string, number>): string | undefined {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0];
}
