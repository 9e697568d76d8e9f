import { concurrentDemand, deviceDemand, perDeviceDemand, userDemand, type Demand, type ProcessorRatings } from './demand';
import { consumerByRank, virtualOsesOf } from './consumers';
import type { GroupedEvidence } from './evidence';
import { lineOf } from './lines';
import type { ConsumerKind, LicenceMetric } from './metrics';
import {
  addConsumption,
  addNote,
  newConsumer,
  type Candidate,
  type Consumer,
  type ProductNode,
  type RightQueue,
  type RightState,
} from './model';
import { compareCandidates, versionMatch } from './rights';
import type { ConsumptionVia } from './resultTypes';
import { weightedCores } from './vendor/oracleCoreFactor';

/** Rights by the device or the user they are allocated to, each list in pool order. */
export interface AllocationIndex {
  byDevice: Map<string, RightState[]>;
  byUser: Map<string, RightState[]>;
}

function hasDowngradeRights(node: ProductNode): boolean {
  for (const pool of node.plan!.pools.values()) if (pool.downgrade.items.length > 0) return true;
  return false;
}

/**
 * Consumes rights for the consumers of one product family, in the order docs/domain/licensing.md sets:
 *
 * 1. allocated consumers take their allocation (and only that, in this step);
 * 2. site and unlimited rights cover what remains;
 * 3. the pool: rights of the consumer's own version (or versionless ones) for every consumer,
 * 4. then newer versions' rights through downgrade rights, nearest version first;
 * 5. vendor rounding (Oracle: per core-factor group) is added and covered from the pool last.
 *
 * Each step runs over all consumers of the family before the next, so an unallocated consumer
 * early in the order cannot take rights an allocated one needs, and an older version cannot take
 * a newer version's rights before that version's own installs are covered. Each consumer is
 * counted in one metric, fixed the first time it consumes: a server is not paid for half in
 * cores and half in devices. Work per consumer is constant apart from the rights it actually
 * consumes, because exhausted rights are skipped by cursors that only move forward.
 */
export class FamilyAllocator {
  constructor(
    private readonly nodes: readonly ProductNode[],
    private readonly allocations: AllocationIndex,
    private readonly ratings: ProcessorRatings,
    private readonly lookup: Pick<GroupedEvidence, 'deviceKeys' | 'userKeys' | 'hostOf'>,
  ) {}

  run(members: readonly ProductNode[]): void {
    // A step no product of the family can use is skipped without touching its consumers: at a
    // million consumers, each pass over them costs more in memory traffic than in arithmetic.
    if (members.some(m => m.hasAllocations)) {
      for (const [c, m] of this.allocatedConsumers(members)) this.allocated(c, m);
    }
    if (members.some(m => m.plan!.unlimited !== null)) {
      for (const m of members) for (const c of m.consumers) this.unlimited(c, m);
    }
    for (const m of members) for (const c of m.consumers) this.pooled(c, m, 'same');
    if (members.some(hasDowngradeRights)) {
      for (const m of members) for (const c of m.consumers) this.pooled(c, m, 'downgrade');
    }
    for (const m of members) this.oracleRounding(m);
  }

  /**
   * The consumers some right of the family is allocated to, found from the allocations rather
   * than by looking every consumer up, in consumer order (product, devices before users, id).
   */
  private allocatedConsumers(members: readonly ProductNode[]): Array<[Consumer, ProductNode]> {
    const { deviceKeys, userKeys, hostOf } = this.lookup;
    const found = new Map<Consumer, { node: ProductNode; order: number; rank: number }>();
    // VMs are counted on their host only where the family licenses hosts.
    const hostMode = members[0].hostMode;
    for (const m of members) {
      for (const right of m.ownRights) {
        const alloc = right.ent.allocations;
        if (alloc === undefined) continue;
        for (const deviceId of alloc.deviceIds ?? []) {
          let k = deviceKeys.lookup(deviceId);
          if (k === undefined) continue;
          if (hostMode && k < hostOf.length && hostOf[k] >= 0) k = hostOf[k];
          const rank = deviceKeys.rankOf(k);
          for (let i = 0; i < members.length; i++) {
            const c = consumerByRank(members[i], 'device', rank);
            if (c !== undefined && !found.has(c)) found.set(c, { node: members[i], order: i * 2, rank });
          }
        }
        for (const userRef of alloc.userRefs ?? []) {
          const k = userKeys.lookup(userRef);
          if (k === undefined) continue;
          const rank = userKeys.rankOf(k);
          for (let i = 0; i < members.length; i++) {
            const c = consumerByRank(members[i], 'user', rank);
            if (c !== undefined && !found.has(c)) found.set(c, { node: members[i], order: i * 2 + 1, rank });
          }
        }
      }
    }
    return [...found]
      .sort((a, b) => a[1].order - b[1].order || a[1].rank - b[1].rank)
      .map(([c, { node }]) => [c, node]);
  }

  private demandOf(c: Consumer, node: ProductNode, metric: LicenceMetric): Demand {
    switch (c.consumerKind) {
      case 'device':
        if (metric === 'per-device') return perDeviceDemand();
        return deviceDemand(
          metric,
          node.coreCounting,
          { deviceId: c.consumerId, facts: c.facts, virtualOses: virtualOsesOf(c) },
          this.ratings,
        );
      case 'user':
        return userDemand();
      case 'concurrent':
        return concurrentDemand(c.peak ?? 0, c.observedAt ?? '');
      default:
        throw new Error('rounding consumers are created with their metric');
    }
  }

  private fixMetric(c: Consumer, node: ProductNode, metric: LicenceMetric, demand = this.demandOf(c, node, metric)): void {
    c.metric = metric;
    c.demand = demand.amount;
    c.shortfall = demand.amount;
    const line = lineOf(node, metric);
    line.required += demand.amount;
    line.shortfall += demand.amount;
    const b = (c.basis = demand.basis);
    if (b.factsIncomplete) {
      node.incomplete = true;
      const missing = c.facts === undefined;
      addNote(
        c,
        missing
          ? { code: 'facts-missing', message: `no hardware facts for ${c.consumerId}: counted as 1 processor of 1 core, a lower bound` }
          : { code: 'facts-incomplete', message: `processor or core count of ${c.consumerId} is 0 (unknown): counted as 1, a lower bound` },
      );
    }
    if (b.tableEntry === null) {
      addNote(c, { code: 'unlisted-processor', message: `processor of ${c.consumerId} is not in the vendor table: the conservative default was used` });
    }
    const vms = virtualOsesOf(c);
    if (vms > 0) {
      addNote(c, { code: 'vms-counted-on-host', message: `${vms} VM(s) counted on host ${c.consumerId}, which is licensed for them` });
    }
  }

  /** Takes what `cand` can give towards the consumer's uncovered demand. */
  private take(c: Consumer, node: ProductNode, cand: Candidate, via: ConsumptionVia): void {
    const { right } = cand;
    const amount = Math.min(right.remaining, c.shortfall);
    if (amount <= 0) return;
    right.remaining -= amount;
    right.consumed += amount;
    right.consumers++;
    if (right.productIdx !== node.idx) right.lent += amount;
    c.shortfall -= amount;
    const line = lineOf(node, c.metric!);
    line.shortfall -= amount;
    line.consumed += amount;
    addConsumption(c, {
      entitlementId: right.ent.id,
      productId: this.nodes[right.productIdx].product.id,
      amount,
      via,
      match: cand.match,
    });
    const metric = right.ent.metric;
    for (const target of right.coverTargets) {
      const available = target.plan!.available;
      available.set(metric, available.get(metric)! - amount);
    }
  }

  private allocated(c: Consumer, node: ProductNode): void {
    let cands: Candidate[] | undefined;
    let seen: Set<RightState> | undefined;
    const collect = (rights: RightState[] | undefined) => {
      if (rights === undefined) return;
      for (const right of rights) {
        const owner = this.nodes[right.productIdx];
        if (owner.familyKey !== node.familyKey || right.info.consumerKind !== c.consumerKind) continue;
        const match = versionMatch(right, owner, node);
        if (match === null) continue;
        seen ??= new Set();
        if (seen.has(right)) continue;
        seen.add(right);
        if (!right.active) {
          addNote(c, {
            code: 'allocation-inactive',
            entitlementId: right.ent.id,
            message:
              right.termStatus === 'expired'
                ? `allocated entitlement ${right.ent.id} expired on ${right.ent.termEnd}`
                : `allocated entitlement ${right.ent.id} starts on ${right.ent.termStart}`,
          });
          continue;
        }
        (cands ??= []).push({ right, match });
      }
    };
    if (c.consumerKind === 'user') collect(this.allocations.byUser.get(c.userRef!));
    else if (c.consumerKind === 'device') {
      // A host is covered by allocations to itself or to any VM counted on it.
      collect(this.allocations.byDevice.get(c.consumerId));
      if (c.deviceIds !== undefined) {
        for (const d of c.deviceIds) if (d !== c.consumerId) collect(this.allocations.byDevice.get(d));
      }
    }
    if (cands === undefined) return;
    cands.sort((a, b) => compareCandidates(a, b, this.nodes));
    const first = cands.find(x => x.right.remaining > 0) ?? cands[0];
    this.fixMetric(c, node, first.right.ent.metric);
    for (const cand of cands) {
      if (c.shortfall <= 0) break;
      if (cand.right.ent.metric === c.metric) this.take(c, node, cand, 'allocation');
    }
    if (c.shortfall > 0) {
      addNote(c, {
        code: 'allocation-insufficient',
        message: `allocation covers ${c.demand - c.shortfall} of ${c.demand}; the rest is covered like any consumer`,
      });
    }
  }

  private unlimited(c: Consumer, node: ProductNode): void {
    if (c.metric !== null && c.shortfall <= 0) return;
    const plan = node.plan!;
    const u = plan.unlimited;
    if (u === null) return;
    if (c.metric === null) this.fixMetric(c, node, plan.primaryMetric.get(c.consumerKind as ConsumerKind)!);
    const amount = c.shortfall;
    if (amount <= 0) return; // a zero demand (a concurrent peak of 0) needs no right
    c.shortfall = 0;
    const line = lineOf(node, c.metric!);
    line.shortfall -= amount;
    line.coveredByUnlimited += amount;
    u.right.consumed += amount;
    u.right.consumers++;
    if (u.right.productIdx !== node.idx) u.right.lent += amount;
    addConsumption(c, {
      entitlementId: u.right.ent.id,
      productId: this.nodes[u.right.productIdx].product.id,
      amount,
      via: 'unlimited',
      match: u.match,
    });
  }

  private pooled(c: Consumer, node: ProductNode, which: 'same' | 'downgrade'): void {
    if (c.metric !== null && c.shortfall <= 0) return;
    if (c.metric === null) this.chooseMetric(c, node);
    const pool = node.plan!.pools.get(c.metric!);
    if (pool === undefined) return;
    this.drain(c, node, which === 'same' ? pool.same : pool.downgrade);
  }

  /**
   * The first metric (in the order its rights come up) whose available rights cover the whole
   * demand; failing that, the product's primary metric, in which the shortfall is counted.
   */
  private chooseMetric(c: Consumer, node: ProductNode): void {
    const plan = node.plan!;
    const kind = c.consumerKind as ConsumerKind;
    const metrics = plan.metricOrder.get(kind);
    if (metrics !== undefined && metrics.length === 1) return this.fixMetric(c, node, metrics[0]);
    for (const metric of metrics ?? []) {
      const demand = this.demandOf(c, node, metric);
      if ((plan.available.get(metric) ?? 0) >= demand.amount) return this.fixMetric(c, node, metric, demand);
    }
    this.fixMetric(c, node, plan.primaryMetric.get(kind)!);
  }

  private drain(c: Consumer, node: ProductNode, queue: RightQueue): void {
    const { items } = queue;
    while (c.shortfall > 0 && queue.cursor < items.length) {
      const cand = items[queue.cursor];
      if (cand.right.remaining <= 0) {
        queue.cursor++;
        continue;
      }
      this.take(c, node, cand, 'pool');
    }
  }

  /**
   * Oracle rounds up per core-factor group over the whole program, not per server: the servers'
   * exact (fractional) demands are covered first, then one "rounding" consumer per factor takes
   * the difference up to the next whole licence. Servers covered by an unlimited right are out
   * of the count.
   */
  private oracleRounding(node: ProductNode): void {
    const groups = new Map<number, { cores: number; exact: number }>();
    for (const c of node.consumers) {
      const b = c.basis;
      if (c.metric !== 'oracle-processor' || b === null || b.rule !== 'oracle-core-factor') continue;
      if (c.consumed.some(x => x.via === 'unlimited')) continue;
      const factor = b.factor!;
      const g = groups.get(factor) ?? { cores: 0, exact: 0 };
      g.cores += b.processors! * b.coresPerProcessor!;
      g.exact += c.demand;
      groups.set(factor, g);
    }
    const pool = node.plan!.pools.get('oracle-processor');
    for (const [factor, g] of [...groups].sort((a, b) => a[0] - b[0])) {
      const rounded = Math.ceil(weightedCores(g.cores, factor));
      const extra = weightedCores(rounded - g.exact, 1);
      if (extra <= 0) continue;
      const r = newConsumer('rounding', `oracle-rounding:${factor}`);
      r.metric = 'oracle-processor';
      r.demand = extra;
      r.shortfall = extra;
      const line = lineOf(node, 'oracle-processor');
      line.required += extra;
      line.shortfall += extra;
      r.basis = {
        rule: 'oracle-rounding',
        formula: `⌈${g.cores} cores × ${factor}⌉ = ${rounded}; servers account for ${g.exact}, rounding adds ${extra}`,
        factor,
      };
      if (pool !== undefined) {
        this.drain(r, node, pool.same);
        this.drain(r, node, pool.downgrade);
      }
      node.consumers.push(r);
    }
  }
}
