import { lineOf } from './lines';
import { CONSUMER_KINDS, LICENCE_METRICS, type LicenceUnit } from './metrics';
import type { ProductNode } from './model';
import type {
  ConsumerExplanation,
  EntitlementUsage,
  IgnoredEvidence,
  LicenceStatus,
  MetricPosition,
  ProductPosition,
} from './resultTypes';
import { sortHarvestCandidates } from './harvest';
import { roundMoney, trueUpCost } from './trueUp';

const METRIC_ORDER = new Map(LICENCE_METRICS.map((m, i) => [m, i]));

const IGNORED_REASON: Record<string, string> = {
  device: 'installations are not counted: the product is licensed per user or by concurrent use',
  user: 'user assignments are not counted: the product is licensed per device or by concurrent use',
  concurrent: 'concurrent-use peaks are not counted: the product has no concurrent-use rights',
};

/** The position of a product that is not under management: nothing is counted. */
export function unreconciledPosition(node: ProductNode): ProductPosition {
  return {
    ...identity(node),
    status: 'unreconciled',
    unit: null,
    required: null,
    owned: null,
    position: null,
    lines: [],
    trueUp: { cost: 0, currency: null, complete: true },
    harvestCandidates: [],
    explanation: { consumers: [], entitlements: [], ignoredEvidence: [] },
  };
}

function identity(node: ProductNode) {
  const p = node.product;
  return {
    productId: p.id,
    publisher: p.publisher,
    name: p.name,
    ...(p.version !== undefined ? { version: p.version } : {}),
    underManagement: p.underManagement,
  };
}

/**
 * Builds a reconciled product's position from its consumers and rights after allocation.
 * `currency` is the one currency of the input's prices (mixed ones are refused earlier).
 */
export function productPosition(node: ProductNode, currency: string | null): ProductPosition {
  // Demand and coverage were counted into node.lines during allocation; what remains is the
  // product's own rights, which the consumers did not see.
  let unusedOwnUnlimited = false;
  for (const r of node.ownRights) {
    if (!r.active) continue;
    if (r.info.unlimited) {
      if (r.consumers === 0) unusedOwnUnlimited = true;
      continue;
    }
    const l = lineOf(node, r.ent.metric);
    l.entitled += r.quantity;
    l.surplus += r.remaining;
  }

  const sorted = [...node.lines.values()].sort((a, b) => METRIC_ORDER.get(a.metric)! - METRIC_ORDER.get(b.metric)!);
  let shortfall = false;
  let surplus = unusedOwnUnlimited;
  let cost = 0;
  let complete = true;
  for (const l of sorted) {
    l.owned = l.consumed + l.coveredByUnlimited + l.surplus;
    l.position = l.owned - l.required;
    l.trueUpCost = trueUpCost(l.shortfall, l.unitCost);
    if (l.shortfall > 0) shortfall = true;
    if (l.surplus > 0) surplus = true;
    if (l.trueUpCost === null) complete = false;
    else cost += l.trueUpCost;
  }
  const status: LicenceStatus = shortfall
    ? 'under-licensed'
    : node.incomplete
      ? 'incomplete'
      : surplus
        ? 'over-licensed'
        : 'compliant';

  const units = new Set<LicenceUnit>(sorted.map(l => l.unit));
  const single = units.size <= 1;
  const sum = (f: (l: MetricPosition) => number) => (single ? sorted.reduce((s, l) => s + f(l), 0) : null);

  // The facts were the allocation's working data; each basis already states what it used.
  for (const c of node.consumers) c.facts = undefined;
  return {
    ...identity(node),
    status,
    unit: units.size === 1 ? [...units][0] : null,
    required: sum(l => l.required),
    owned: sum(l => l.owned),
    position: sum(l => l.position),
    lines: sorted,
    trueUp: { cost: roundMoney(cost), currency, complete },
    harvestCandidates: sortHarvestCandidates(node.harvest),
    explanation: {
      // Every consumer has its metric and basis by now, which makes it a complete explanation.
      consumers: node.consumers as ConsumerExplanation[],
      entitlements: node.ownRights.map(
        (r): EntitlementUsage => ({
          entitlementId: r.ent.id,
          metric: r.ent.metric,
          quantity: r.info.unlimited ? null : r.quantity,
          termStatus: r.termStatus,
          consumed: r.consumed,
          remaining: r.info.unlimited ? null : r.remaining,
          lentToOtherVersions: r.lent,
          consumers: r.consumers,
        }),
      ),
      ignoredEvidence: CONSUMER_KINDS.filter(k => (node.ignored.get(k) ?? 0) > 0).map(
        (kind): IgnoredEvidence => ({ kind, count: node.ignored.get(kind)!, reason: IGNORED_REASON[kind] }),
      ),
    },
  };
}
