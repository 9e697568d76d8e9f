import { ItamValidationError } from '../errors';
import { addMixedCurrencyIssues, checkLicenceInputIntegrity, IssueList } from './integrity';
import { parseReconciliationOptions } from './parseInput';
import { LicenceDeviceIndex } from './deviceIndex';
import { reconcileLicencesOnDevices } from './reconcile';
import type { LicencePositionReport, ProductPosition } from './resultTypes';
import { familyKeyOf } from './rights';
import { positionTotals, summarizeLicenceTotals, type LicencePositionTotals } from './summary';
import type { DeviceFacts, Entitlement, Installation, LicenceInput, ReconciliationOptionsInput, SoftwareProduct } from './types';

/**
 * Products that reconcile together, and how many installations they hold.
 *
 * @public
 */
export interface LicenceReconciliationPart {
  productIds: string[];
  installations: number;
}

/**
 * Splits the products into parts that reconcile independently, so that a reconciliation can hold
 * one part's evidence at a time: the versions of a product (a family, whose rights cover each
 * other through downgrade rights) always share a part; parts follow the family keys' order and
 * hold about `installationsPerPart` installations each (a family with more is a part of its own).
 *
 * @param installationsOf - how many installations a product has.
 * @public
 */
export function planLicenceParts(
  products: readonly Pick<SoftwareProduct, 'id' | 'publisher' | 'name'>[],
  installationsOf: (productId: string) => number,
  installationsPerPart: number,
): LicenceReconciliationPart[] {
  const families = new Map<string, string[]>();
  for (const p of products) {
    const key = familyKeyOf(p);
    const members = families.get(key);
    if (members) members.push(p.id);
    else families.set(key, [p.id]);
  }
  const parts: LicenceReconciliationPart[] = [];
  let current: LicenceReconciliationPart = { productIds: [], installations: 0 };
  for (const key of [...families.keys()].sort()) {
    const members = families.get(key)!;
    const installations = members.reduce((n, id) => n + installationsOf(id), 0);
    if (current.productIds.length > 0 && current.installations + installations > installationsPerPart) {
      parts.push(current);
      current = { productIds: [], installations: 0 };
    }
    current.productIds.push(...members);
    current.installations += installations;
  }
  if (current.productIds.length > 0) parts.push(current);
  return parts;
}

/**
 * The devices a part of the estate needs: those its installations and allocations name, and the
 * hosts of the virtual ones (a VM may be licensed through its host's processors).
 *
 * @public
 */
export function devicesOfPart(
  installations: readonly Pick<Installation, 'deviceId'>[],
  entitlements: readonly Pick<Entitlement, 'allocations'>[],
  devices: ReadonlyMap<string, DeviceFacts>,
): DeviceFacts[] {
  const needed = new Map<string, DeviceFacts>();
  const add = (id: string | undefined) => {
    // The loop ends: a host chain never revisits a device already added.
    while (id !== undefined && !needed.has(id)) {
      const facts = devices.get(id);
      if (!facts) return;
      needed.set(id, facts);
      id = facts.hostDeviceId;
    }
  };
  for (const i of installations) add(i.deviceId);
  for (const e of entitlements) for (const id of e.allocations?.deviceIds ?? []) add(id);
  return [...needed.values()];
}

/**
 * The reconciliation input restricted to some products: their products, entitlements,
 * installations, assignments and peaks (the devices are the estate's, see
 * {@link reconcileLicencesOnDevices}).
 *
 * @public
 */
export function licenceInputPart(input: Omit<LicenceInput, 'devices'>, productIds: readonly string[]): Omit<LicenceInput, 'devices'> {
  const wanted = new Set(productIds);
  return {
    products: input.products.filter(p => wanted.has(p.id)),
    entitlements: input.entitlements.filter(e => wanted.has(e.productId)),
    installations: input.installations.filter(i => wanted.has(i.productId)),
    userAssignments: input.userAssignments.filter(a => wanted.has(a.productId)),
    concurrentPeaks: input.concurrentPeaks.filter(p => wanted.has(p.productId)),
  };
}

/**
 * The one currency of an estate's prices, or null when none is priced: what every part's
 * positions state, even a part whose own entitlements carry no price.
 *
 * @throws {@link ItamValidationError} when the prices are in more than one currency.
 * @public
 */
export function estateCurrencyOf(entitlements: readonly Pick<Entitlement, 'currency'>[]): string | null {
  const currencyCount = new Map<string, number>();
  for (const e of entitlements) if (e.currency !== undefined) currencyCount.set(e.currency, (currencyCount.get(e.currency) ?? 0) + 1);
  const issues = new IssueList();
  addMixedCurrencyIssues(entitlements, currencyCount, issues);
  if (issues.issues.length > 0) throw new ItamValidationError(issues.result(), 'licence input');
  return currencyCount.keys().next().value ?? null;
}

/**
 * Collects the positions of a reconciliation made a part at a time into the header a single
 * reconciliation of the whole estate gives: its options and the summary over every product.
 * Keeps only each position's totals, so the caller may store the positions as they come.
 *
 * @public
 */
export class LicenceReportAssembler {
  private readonly totals: { productId: string; totals: LicencePositionTotals }[] = [];
  private readonly options: Omit<LicencePositionReport, 'products' | 'summary'>;

  constructor(options: ReconciliationOptionsInput) {
    const { asOf, harvestAfterDays, concurrentPeakWindowDays } = parseReconciliationOptions(options);
    this.options = { asOf, harvestAfterDays, concurrentPeakWindowDays };
  }

  /** Takes the positions of a part's report. */
  add(positions: readonly ProductPosition[]): void {
    for (const p of positions) this.totals.push({ productId: p.productId, totals: positionTotals(p) });
  }

  /** The report without its products: the options and the summary over every position added. */
  header(): Omit<LicencePositionReport, 'products'> {
    // In product id order, as a single reconciliation adds them: the true-up total is a sum of
    // floating-point amounts, so the order decides its last digit.
    const ordered = [...this.totals].sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
    return { ...this.options, summary: summarizeLicenceTotals(ordered.map(t => t.totals)) };
  }
}

/**
 * {@link reconcileLicences} a part at a time (see {@link planLicenceParts}): the same report,
 * computed from one part's evidence at a time. This is the definition the plugin's streaming
 * recompute follows, which reads each part's installations from the database in turn.
 *
 * @public
 */
export function reconcileLicencesInParts(
  input: LicenceInput,
  options: ReconciliationOptionsInput,
  installationsPerPart: number,
): LicencePositionReport {
  const issues = checkLicenceInputIntegrity(input, { evidence: false });
  if (issues.length > 0) throw new ItamValidationError(issues, 'licence input');
  const counts = new Map<string, number>();
  for (const i of input.installations) counts.set(i.productId, (counts.get(i.productId) ?? 0) + 1);
  const devices = LicenceDeviceIndex.ofChecked(input.devices);
  const estateCurrency = estateCurrencyOf(input.entitlements);
  const assembler = new LicenceReportAssembler(options);
  const products: ProductPosition[] = [];
  for (const part of planLicenceParts(input.products, id => counts.get(id) ?? 0, installationsPerPart)) {
    const report = reconcileLicencesOnDevices(licenceInputPart(input, part.productIds), devices, { ...options, estateCurrency });
    assembler.add(report.products);
    for (const position of report.products) products.push(position);
  }
  return { ...assembler.header(), products: products.sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0)) };
}
