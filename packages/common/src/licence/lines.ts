import { LICENCE_METRIC_INFO, type LicenceMetric } from './metrics';
import type { ProductNode } from './model';
import type { MetricPosition } from './resultTypes';

/**
 * The running totals of a product in one metric, created on first use. Consumers are counted
 * into them as they are covered, so building the result needs no further pass over consumers.
 */
export function lineOf(node: ProductNode, metric: LicenceMetric): MetricPosition {
  let l = node.lines.get(metric);
  if (l === undefined) {
    const price = node.plan!.prices.get(metric);
    l = {
      metric,
      unit: LICENCE_METRIC_INFO[metric].unit!,
      required: 0,
      entitled: 0,
      owned: 0,
      position: 0,
      consumed: 0,
      coveredByUnlimited: 0,
      shortfall: 0,
      surplus: 0,
      unlimited: node.plan!.unlimited !== null,
      unitCost: price?.unitCost ?? null,
      priceEntitlementId: price?.entitlementId ?? null,
      trueUpCost: 0,
    };
    node.lines.set(metric, l);
  }
  return l;
}
