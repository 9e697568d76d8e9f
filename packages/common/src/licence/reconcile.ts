import { ItamValidationError } from '../errors';
import { FamilyAllocator, type AllocationIndex } from './allocate';
import { ProcessorRatings } from './demand';
import { createConsumers } from './consumers';
import { groupEvidence } from './evidence';
import { checkLicenceInputIntegrity } from './integrity';
import type { ProductNode, RightState } from './model';
import { parseReconciliationOptions } from './parseInput';
import { productPosition, unreconciledPosition } from './position';
import type { LicencePositionReport } from './resultTypes';
import { buildRightStates, familyKeyOf, planFamily, rankVersions } from './rights';
import { summarizeLicencePositions } from './summary';
import { LicenceDeviceIndex } from './deviceIndex';
import type { LicenceInput, ReconciliationOptions, ReconciliationOptionsInput } from './types';

/** Metrics that license the physical host of a VM rather than the VM. */
const HOST_METRICS = new Set(['oracle-processor', 'ibm-pvu']);

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Computes the effective licence position of every product (docs/domain/licensing.md).
 *
 * Products not under management are reported `unreconciled`. For the others, evidence is grouped
 * into consumers (devices, users, the concurrent peak), each consumer's demand is computed by the
 * vendor rule of the metric that covers it, and rights active on `asOf` are consumed in priority
 * order: allocations, then site/unlimited rights, then the pool of same-version rights, then newer
 * versions' rights with downgrade rights. The result explains every consumer and right.
 *
 * Input is assumed to have passed {@link parseLicenceInput} (the per-field schemas are too slow
 * to re-run over a million installations); the cross-record checks run here too, except that
 * duplicate installation ids are tolerated (each record counts as the installation it describes).
 * Runs in O(n log n) in the size of the input: evidence is grouped by product with a counting
 * sort, each product's installations are ordered by device with one numeric sort, and each
 * family's rights are walked with forward-only cursors. The result does not depend on the order
 * of any input collection.
 *
 * @throws {@link ItamValidationError} for bad options, references to unknown products, duplicate
 *   product, entitlement or device ids, or prices in more than one currency.
 * @public
 */
export function reconcileLicences(
  input: LicenceInput,
  options: ReconciliationOptionsInput,
): LicencePositionReport {
  const opts = parseReconciliationOptions(options);
  const issues = checkLicenceInputIntegrity(input, { evidence: false });
  if (issues.length > 0) throw new ItamValidationError(issues, 'licence input');
  return reconcileChecked(input, LicenceDeviceIndex.ofChecked(input.devices), opts);
}

/**
 * {@link reconcileLicences} over devices indexed once ({@link LicenceDeviceIndex.of}) for several
 * reconciliations: a reconciliation made a part of the estate at a time passes each part's
 * products, entitlements and evidence with the estate's index, so a part costs what its own
 * evidence costs. The positions are those {@link reconcileLicences} gives with the index's devices.
 *
 * @throws {@link ItamValidationError} as {@link reconcileLicences} does, but for the devices,
 *   checked when they were indexed.
 * @public
 */
export function reconcileLicencesOnDevices(
  input: Omit<LicenceInput, 'devices'>,
  devices: LicenceDeviceIndex,
  options: ReconciliationOptionsInput,
): LicencePositionReport {
  const opts = parseReconciliationOptions(options);
  const issues = checkLicenceInputIntegrity({ ...input, devices: [] }, { evidence: false, devices: false });
  if (issues.length > 0) throw new ItamValidationError(issues, 'licence input');
  return reconcileChecked(input, devices, opts);
}

function reconcileChecked(input: Omit<LicenceInput, 'devices'>, devices: LicenceDeviceIndex, opts: ReconciliationOptions): LicencePositionReport {

  const products = [...input.products].sort(byId);
  const productIndex = new Map<string, number>();
  const nodes: ProductNode[] = products.map((product, idx) => {
    productIndex.set(product.id, idx);
    return {
      idx,
      product,
      familyKey: familyKeyOf(product),
      managed: product.underManagement,
      coreCounting: product.coreCounting ?? 'all-cores',
      hostMode: false,
      hasAllocations: false,
      versionRank: -1,
      ownRights: [],
      userSlots: null,
      concurrent: null,
      consumers: [],
      deviceRanks: null,
      userRanks: null,
      userOffset: 0,
      ignored: new Map(),
      countedKinds: new Set(),
      lines: new Map(),
      incomplete: false,
      installations: 0,
      harvest: [],
      plan: null,
    };
  });

  // Families of products under management, members in id order.
  const families = new Map<string, ProductNode[]>();
  for (const node of nodes) {
    if (!node.managed) continue;
    const members = families.get(node.familyKey);
    if (members) members.push(node);
    else families.set(node.familyKey, [node]);
  }
  rankVersions(families);

  const rights = buildRightStates(input.entitlements, nodes, productIndex, opts.asOf);
  const hostModeFamilies = new Set<string>();
  const allocatingFamilies = new Set<string>();
  for (const r of rights) {
    const family = nodes[r.productIdx].familyKey;
    if (HOST_METRICS.has(r.ent.metric)) hostModeFamilies.add(family);
    if ((r.ent.allocations?.deviceIds?.length ?? 0) + (r.ent.allocations?.userRefs?.length ?? 0) > 0) {
      allocatingFamilies.add(family);
    }
  }
  for (const node of nodes) {
    if (node.managed && node.coreCounting.startsWith('windows-server')) hostModeFamilies.add(node.familyKey);
  }
  for (const node of nodes) {
    node.hostMode = hostModeFamilies.has(node.familyKey);
    node.hasAllocations = allocatingFamilies.has(node.familyKey);
  }

  const grouped = groupEvidence(nodes, productIndex, devices, input, opts);

  for (const members of families.values()) planFamily(members, nodes);
  for (const node of nodes) if (node.managed) createConsumers(node, grouped);

  const allocator = new FamilyAllocator(nodes, allocationIndex(rights), new ProcessorRatings(), grouped);
  const familyKeys = [...families.keys()].sort();
  for (const key of familyKeys) allocator.run(families.get(key)!);

  const currency = opts.estateCurrency !== undefined ? opts.estateCurrency : (input.entitlements.find(e => e.currency !== undefined)?.currency ?? null);
  const positions = nodes.map(node => (node.managed ? productPosition(node, currency) : unreconciledPosition(node)));
  return {
    asOf: opts.asOf,
    harvestAfterDays: opts.harvestAfterDays,
    concurrentPeakWindowDays: opts.concurrentPeakWindowDays,
    products: positions,
    summary: summarizeLicencePositions(positions),
  };
}

/** Rights by the device or user they are allocated to, in pool order. */
function allocationIndex(rights: readonly RightState[]): AllocationIndex {
  const index: AllocationIndex = { byDevice: new Map(), byUser: new Map() };
  const add = (map: Map<string, RightState[]>, key: string, right: RightState) => {
    const list = map.get(key);
    if (list) list.push(right);
    else map.set(key, [right]);
  };
  const ordered = [...rights].sort((a, b) => a.poolRank - b.poolRank);
  for (const right of ordered) {
    for (const d of right.ent.allocations?.deviceIds ?? []) add(index.byDevice, d, right);
    for (const u of right.ent.allocations?.userRefs ?? []) add(index.byUser, u, right);
  }
  return index;
}
