import { CONSUMER_KINDS, DEFAULT_METRIC_FOR_CONSUMER, LICENCE_METRIC_INFO } from './metrics';
import type { ConsumerKind, LicenceMetric } from './metrics';
import type { Candidate, MetricPool, ProductNode, ProductPlan, RightState } from './model';
import type { VersionMatch } from './resultTypes';
import { termStatus } from './terms';
import type { Entitlement } from './types';
import { compareVersions } from './versions';

/**
 * The family a product belongs to: its versions share publisher and name, compared without case
 * or surrounding space, so `Microsoft / SQL Server` 2019 and 2022 are one family. Families
 * reconcile independently of each other (rights cover other versions only within a family).
 *
 * @public
 */
export function familyKeyOf(p: { publisher: string; name: string }): string {
  return `${p.publisher.trim().toLowerCase()}\u0000${p.name.trim().toLowerCase()}`;
}

/**
 * Ranks the versions of each family's products (equal versions share a rank, versionless
 * products get -1), so coverage checks compare integers instead of parsing versions per pair.
 */
export function rankVersions(families: ReadonlyMap<string, ProductNode[]>): void {
  for (const members of families.values()) {
    const versioned = members.filter(n => n.product.version !== undefined);
    versioned.sort((a, b) => compareVersions(a.product.version!, b.product.version!));
    let rank = -1;
    let previous: string | undefined;
    for (const node of versioned) {
      if (previous === undefined || compareVersions(previous, node.product.version!) !== 0) rank++;
      node.versionRank = rank;
      previous = node.product.version;
    }
  }
}

/**
 * Working state for every entitlement of a product under management. Rights of products not
 * under management are left out: those products are not reconciled, so neither are their rights.
 */
export function buildRightStates(
  entitlements: readonly Entitlement[],
  nodes: readonly ProductNode[],
  productIndex: ReadonlyMap<string, number>,
  asOf: string,
): RightState[] {
  const rights: RightState[] = [];
  for (const ent of entitlements) {
    const node = nodes[productIndex.get(ent.productId)!];
    if (!node.managed) continue;
    const info = LICENCE_METRIC_INFO[ent.metric];
    const status = termStatus(ent, asOf);
    const quantity = info.unlimited ? 0 : ent.quantity ?? 0;
    const right: RightState = {
      ent,
      productIdx: node.idx,
      info,
      termStatus: status,
      active: status === 'active',
      quantity,
      remaining: status === 'active' ? quantity : 0,
      consumed: 0,
      lent: 0,
      consumers: 0,
      poolRank: 0,
      coverTargets: [],
    };
    rights.push(right);
    node.ownRights.push(right);
  }
  // Pool order: rights ending soonest are used first (later ones survive longer), perpetual
  // rights last, then by id so the order never depends on the input's order.
  const ordered = [...rights].sort((a, b) => {
    const ae = a.ent.termEnd ?? '\uffff';
    const be = b.ent.termEnd ?? '\uffff';
    if (ae !== be) return ae < be ? -1 : 1;
    return a.ent.id < b.ent.id ? -1 : a.ent.id > b.ent.id ? 1 : 0;
  });
  ordered.forEach((r, i) => (r.poolRank = i));
  for (const node of nodes) node.ownRights.sort((a, b) => a.poolRank - b.poolRank);
  return rights;
}

/**
 * How `right` relates to a consumer of `consumer`'s product, or null when it cannot cover it:
 * the same product or version, a versionless right (covers every version), or a newer version
 * with downgrade rights in a metric that allows them.
 */
export function versionMatch(
  right: RightState,
  owner: ProductNode,
  consumer: ProductNode,
): VersionMatch | null {
  if (owner === consumer) return 'same-version';
  if (owner.versionRank < 0) return 'version-independent';
  if (consumer.versionRank < 0) return null;
  if (owner.versionRank === consumer.versionRank) return 'same-version';
  if (owner.versionRank > consumer.versionRank && right.ent.downgradeRights === true && right.info.downgradable) {
    return 'downgrade';
  }
  return null;
}

const MATCH_RANK: Record<VersionMatch, number> = { 'same-version': 0, 'version-independent': 1, downgrade: 2 };

/** Candidate order: own version before version-independent before downgrade, then pool order. */
export function compareCandidates(
  a: Candidate,
  b: Candidate,
  nodes: readonly ProductNode[],
): number {
  const m = MATCH_RANK[a.match] - MATCH_RANK[b.match];
  if (m !== 0) return m;
  if (a.match === 'downgrade') {
    // The nearest newer version first, keeping the newest rights for the newest installs.
    const v = nodes[a.right.productIdx].versionRank - nodes[b.right.productIdx].versionRank;
    if (v !== 0) return v;
  }
  return a.right.poolRank - b.right.poolRank;
}

/**
 * Prepares, for each product under management in a family, the rights it may use: per metric a
 * queue of same-version rights and one of downgrade rights, the quantity available, the metric
 * order, the metric its shortfall is counted in, the best site/unlimited right and the prices.
 * Cost is (products in the family) × (rights in the family), which families keep small.
 */
export function planFamily(
  members: readonly ProductNode[],
  nodes: readonly ProductNode[],
): void {
  const familyRights: RightState[] = [];
  for (const m of members) for (const r of m.ownRights) familyRights.push(r);

  for (const node of members) {
    const all: Candidate[] = [];
    for (const right of familyRights) {
      const match = versionMatch(right, nodes[right.productIdx], node);
      if (match !== null) all.push({ right, match });
    }
    all.sort((a, b) => compareCandidates(a, b, nodes));

    const plan: ProductPlan = {
      pools: new Map(),
      available: new Map(),
      metricOrder: new Map(),
      primaryMetric: new Map(),
      unlimited: null,
      prices: new Map(),
      rightKinds: new Set(),
    };
    for (const c of all) {
      const { right } = c;
      const metric = right.ent.metric;
      if (right.info.unlimited) {
        if (right.active && plan.unlimited === null) plan.unlimited = c;
        continue;
      }
      const kind = right.info.consumerKind!;
      plan.rightKinds.add(kind);
      if (right.ent.unitCost !== undefined) {
        const price = plan.prices.get(metric);
        if (price === undefined || right.ent.unitCost < price.unitCost) {
          plan.prices.set(metric, { unitCost: right.ent.unitCost, entitlementId: right.ent.id });
        }
      }
      if (!right.active) continue;
      let pool = plan.pools.get(metric);
      if (pool === undefined) {
        pool = newPool();
        plan.pools.set(metric, pool);
        const order = plan.metricOrder.get(kind) ?? [];
        order.push(metric);
        plan.metricOrder.set(kind, order);
      }
      (c.match === 'downgrade' ? pool.downgrade : pool.same).items.push(c);
      plan.available.set(metric, (plan.available.get(metric) ?? 0) + right.remaining);
      right.coverTargets.push(node);
    }
    for (const kind of CONSUMER_KINDS) plan.primaryMetric.set(kind, primaryMetric(all, kind));
    node.plan = plan;
  }
}

function newPool(): MetricPool {
  return { same: { items: [], cursor: 0 }, downgrade: { items: [], cursor: 0 } };
}

/**
 * The metric a consumer is counted in when no right covers it fully: that of the first right
 * that could cover it, preferring rights active today (what the organisation buys now), else
 * the default for its kind.
 */
function primaryMetric(candidates: readonly Candidate[], kind: ConsumerKind): LicenceMetric {
  let fallback: LicenceMetric | undefined;
  for (const { right } of candidates) {
    if (right.info.consumerKind !== kind) continue;
    if (right.active) return right.ent.metric;
    fallback ??= right.ent.metric;
  }
  return fallback ?? DEFAULT_METRIC_FOR_CONSUMER[kind];
}
