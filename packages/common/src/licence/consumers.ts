import type { GroupedEvidence } from './evidence';
import { CONSUMER_KINDS, type ConsumerKind } from './metrics';
import { addNote, newConsumer, type Consumer, type ProductNode } from './model';

/**
 * Creates a product's consumers from its grouped evidence, in processing order: devices by id,
 * then users by id, then the concurrent peak. Only the kinds the product is licensed by are
 * counted: a product with no finite rights counts every kind it has evidence of, so its shortfall
 * shows; otherwise evidence of other kinds is reported as ignored.
 *
 * The product's installations are sorted by (rank of licensed device, input index) as numbers in
 * a typed array; each run of one device becomes one consumer. Creating the consumers here, in
 * order and one after another, also places them next to each other in memory, so the allocation
 * passes that follow walk memory sequentially.
 */
export function createConsumers(node: ProductNode, grouped: GroupedEvidence): void {
  const kinds = node.plan!.rightKinds;
  const evidence: Record<ConsumerKind, number> = {
    device: node.installations,
    user: node.userSlots?.size ?? 0,
    concurrent: node.concurrent ? 1 : 0,
  };
  for (const kind of CONSUMER_KINDS) {
    if (evidence[kind] === 0) continue;
    if (kinds.size === 0 || kinds.has(kind)) node.countedKinds.add(kind);
    else node.ignored.set(kind, evidence[kind]);
  }

  if (node.countedKinds.has('device')) createDeviceConsumers(node, grouped);
  const { userKeys } = grouped;
  const users = node.userSlots;
  if (users !== null && node.countedKinds.has('user')) {
    node.userOffset = node.consumers.length;
    const ranks = new Int32Array(users.size);
    let i = 0;
    for (const k of users) ranks[i++] = userKeys.rankOf(k);
    ranks.sort();
    for (let r = 0; r < ranks.length; r++) {
      const c = newConsumer('user', userKeys.keyOf(userKeys.keyOfRank(ranks[r])));
      c.userRef = c.consumerId;
      node.consumers.push(c);
    }
    node.userRanks = ranks;
  }
  node.userSlots = null;
  if (node.concurrent !== null && node.countedKinds.has('concurrent')) node.consumers.push(node.concurrent);
}

function createDeviceConsumers(node: ProductNode, grouped: GroupedEvidence) {
  const { deviceKeys, start, licensedKey, ownKey, installationIds, factsByKey } = grouped;
  const from = start[node.idx];
  const count = start[node.idx + 1] - from;
  // rank × count + position is exact in a double (a million devices × ten million installations
  // is 10^13, far below 2^53), so one native numeric sort orders by device, then by input order
  // (positions within a product keep input order).
  const order = new Float64Array(count);
  for (let j = 0; j < count; j++) order[j] = deviceKeys.rankOf(licensedKey[from + j]) * count + j;
  order.sort();
  const ranks: number[] = [];
  let j = 0;
  while (j < count) {
    const rank = Math.floor(order[j] / count);
    let end = j + 1;
    while (end < count && Math.floor(order[end] / count) === rank) end++;
    const k = deviceKeys.keyOfRank(rank);
    const base = from - rank * count;
    let ids: string[];
    if (end === j + 1) {
      // The common case, one installation: an array literal is allocated at its exact size,
      // where pushing onto [] would reserve room for 17 (a million times over).
      ids = [installationIds[base + order[j]]];
    } else {
      ids = new Array<string>(end - j);
      for (let x = j; x < end; x++) ids[x - j] = installationIds[base + order[x]];
      // Several installations on one device are listed by id, so input order never shows.
      ids.sort();
    }
    const c = newConsumer('device', deviceKeys.keyOf(k), ids);
    // Devices with facts were interned first, so their ids index the facts.
    if (k < factsByKey.length) c.facts = factsByKey[k];
    let folded = false;
    for (let x = j; x < end && !folded; x++) folded = ownKey[base + order[x]] !== k;
    if (folded) {
      // A host that VMs are licensed on lists the devices counted on it.
      const counted = new Set<string>();
      for (let x = j; x < end; x++) counted.add(deviceKeys.keyOf(ownKey[base + order[x]]));
      c.deviceIds = [...counted].sort();
    } else if (node.hostMode && k < factsByKey.length) {
      const facts = factsByKey[k];
      if (facts.kind === 'virtual' && facts.hostDeviceId !== undefined) {
        // The family licenses hosts, but this VM's host has no facts: it is licensed on its own.
        addNote(c, { code: 'host-facts-missing', message: `host ${facts.hostDeviceId} has no facts: the VM is licensed on its own` });
      }
    }
    node.consumers.push(c);
    ranks.push(rank);
    j = end;
  }
  node.deviceRanks = Int32Array.from(ranks);
}

/**
 * The consumer of a product with the given rank, found by binary search in the ranks it was
 * created from; undefined when the product has no such consumer.
 */
export function consumerByRank(node: ProductNode, kind: 'device' | 'user', rank: number): Consumer | undefined {
  const ranks = kind === 'device' ? node.deviceRanks : node.userRanks;
  if (ranks === null) return undefined;
  let lo = 0;
  let hi = ranks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (ranks[mid] === rank) return node.consumers[(kind === 'device' ? 0 : node.userOffset) + mid];
    if (ranks[mid] < rank) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Number of VMs counted on a host consumer (every counted device other than the host itself). */
export function virtualOsesOf(consumer: Consumer): number {
  const d = consumer.deviceIds;
  return d === undefined ? 0 : d.length - (d.includes(consumer.consumerId) ? 1 : 0);
}
