import { ItamValidationError } from '../errors';
import { addCalendarDays } from './calendarDays';
import { ConsumerKeys } from './consumerKeys';
import { deviceIndexContent, type LicenceDeviceIndex } from './deviceIndex';
import { HarvestFinder } from './harvest';
import { IssueList } from './integrity';
import { newConsumer, type Consumer, type ProductNode } from './model';
import type { DeviceFacts, LicenceInput, ReconciliationOptions } from './types';

/**
 * Evidence grouped by product, before consumers exist. Installations are bucketed by product
 * (a counting sort), each tagged with the interned id of the device that licenses it
 * (`licensedKey`: the device itself, or its host); consumers are created afterwards, in
 * processing order (see consumers.ts). Grouping a million installations this way allocates typed
 * arrays only, no object or map entry per installation.
 *
 * The columns below are in product order, input order within a product: product p's
 * installations are positions `start[p] .. start[p+1]`. Creating a product's consumers then reads
 * one short contiguous slice of each column rather than jumping across a million-entry array, which
 * on a large estate was a cache miss per installation per column.
 */
export interface GroupedEvidence {
  deviceKeys: ConsumerKeys;
  userKeys: ConsumerKeys;
  start: Int32Array;
  /** Interned id of the device each installation is licensed on (its host when folded). */
  licensedKey: Int32Array;
  /** Interned id of the device each installation is on. */
  ownKey: Int32Array;
  /**
   * Installation ids: a dense array of references, so building consumers touches no installation
   * object.
   */
  installationIds: string[];
  /** Interned id of each VM's host (by the VM's interned id), or -1; only devices with facts. */
  hostOf: Int32Array;
  /** Facts by interned device id (devices with facts are interned first, so ids < length). */
  factsByKey: DeviceFacts[];
}

/**
 * Groups installations, assignments and peaks by product under management, in one pass over each
 * collection (no scan of all installations per product).
 *
 * - Installations on one device count once per product (see consumers.ts).
 * - Where the family licenses the physical host (`node.hostMode`: Oracle processor, IBM PVU at
 *   full capacity, Windows Server), a VM whose host has facts is licensed on its host, so a host
 *   running ten VMs is licensed once.
 * - Assignments count once per user; the concurrent consumer is the highest peak observed in the
 *   window ending on `asOf` (later observations are ignored).
 * - Harvest candidates are collected on the way.
 *
 * @throws {@link ItamValidationError} when evidence names an unknown product (checked here, in
 *   the one pass over installations, rather than in a separate pass).
 */
export function groupEvidence(
  nodes: readonly ProductNode[],
  productIndex: ReadonlyMap<string, number>,
  devices: LicenceDeviceIndex,
  input: Omit<LicenceInput, 'devices'>,
  options: ReconciliationOptions,
): GroupedEvidence {
  const issues = new IssueList();
  const harvest = new HarvestFinder(options.asOf, options.harvestAfterDays);
  const installations = input.installations;
  const n = installations.length;
  // Devices with facts were interned first: their ids are 0..F-1, so facts and hosts are found by
  // array index, and a consumer's id is the very string that keys the facts.
  const { keys: deviceKeys, factsByKey, hostOf } = deviceIndexContent(devices);

  // Columns in input order first, filled while the installations are scanned in memory order.
  const productOf = new Int32Array(n);
  const licensedKeyIn = new Int32Array(n);
  const ownKeyIn = new Int32Array(n);
  const idsIn = new Array<string>(n);
  const counts = new Int32Array(nodes.length + 1);
  for (let i = 0; i < n; i++) {
    const inst = installations[i];
    const idx = productIndex.get(inst.productId);
    if (idx === undefined) {
      issues.add(`installations.${i}.productId`, `names unknown product "${inst.productId}"`);
      productOf[i] = -1;
      continue;
    }
    const node = nodes[idx];
    if (!node.managed) {
      productOf[i] = -1;
      continue;
    }
    productOf[i] = idx;
    idsIn[i] = inst.id;
    counts[idx + 1]++;
    node.installations++;
    const candidate = harvest.check(inst);
    if (candidate !== undefined) node.harvest.push(candidate);
    const k = deviceKeys.intern(inst.deviceId);
    ownKeyIn[i] = k;
    licensedKeyIn[i] = node.hostMode && k < hostOf.length && hostOf[k] >= 0 ? hostOf[k] : k;
  }
  // Counting sort by product: O(n), and each product's installations stay in input order.
  const start = new Int32Array(nodes.length + 1);
  for (let p = 0; p < nodes.length; p++) start[p + 1] = start[p] + counts[p + 1];
  const fill = start.slice(0, nodes.length);
  const grouped = start[nodes.length];
  const licensedKey = new Int32Array(grouped);
  const ownKey = new Int32Array(grouped);
  const installationIds = new Array<string>(grouped);
  for (let i = 0; i < n; i++) {
    const p = productOf[i];
    if (p < 0) continue;
    const at = fill[p]++;
    licensedKey[at] = licensedKeyIn[i];
    ownKey[at] = ownKeyIn[i];
    installationIds[at] = idsIn[i];
  }

  const userKeys = new ConsumerKeys();
  input.userAssignments.forEach((a, i) => {
    const idx = productIndex.get(a.productId);
    if (idx === undefined) {
      issues.add(`userAssignments.${i}.productId`, `names unknown product "${a.productId}"`);
      return;
    }
    const node = nodes[idx];
    if (node.managed) (node.userSlots ??= new Set()).add(userKeys.intern(a.userRef));
  });

  const windowStart = addCalendarDays(options.asOf, -options.concurrentPeakWindowDays);
  input.concurrentPeaks.forEach((peak, i) => {
    const idx = productIndex.get(peak.productId);
    if (idx === undefined) {
      issues.add(`concurrentPeaks.${i}.productId`, `names unknown product "${peak.productId}"`);
      return;
    }
    if (peak.observedAt > options.asOf || peak.observedAt <= windowStart) return;
    const node = nodes[idx];
    if (!node.managed) return;
    const current = node.concurrent;
    // Highest peak wins; between equal peaks the latest observation, so the result is one fact.
    if (
      current === null ||
      peak.peak > current.peak! ||
      (peak.peak === current.peak && peak.observedAt > current.observedAt!)
    ) {
      const consumer: Consumer = newConsumer('concurrent', 'concurrent');
      consumer.peak = peak.peak;
      consumer.observedAt = peak.observedAt;
      node.concurrent = consumer;
    }
  });

  const found = issues.result();
  if (found.length > 0) throw new ItamValidationError(found, 'licence input');
  deviceKeys.rank();
  userKeys.rank();
  return { deviceKeys, userKeys, start, licensedKey, ownKey, installationIds, hostOf, factsByKey };
}
