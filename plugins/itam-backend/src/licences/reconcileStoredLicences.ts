import {
  compileRecognition,
  estateCurrencyOf,
  familyKeyOf,
  LicenceDeviceIndex,
  LicenceReportAssembler,
  planLicenceParts,
  productFullName,
  reconcileLicencesOnDevices,
  type Installation,
  type ProductPosition,
} from '@itam/common';
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { LicencePositionHeader, LicencePositionStore } from './LicencePositionStore';
import type { InstallationEvidence, LicenceStore } from './LicenceStore';
import { LicenceShortfallCollector, type LicenceShortfalls } from './licenceRiskInputs';
import { installationOf, readDeviceFacts, toDomainEntitlement, toDomainProduct, type LicenceDeviceReader } from './licenceInput';

/**
 * Installations reconciled together at most (a product family with more is reconciled whole):
 * bounds the evidence and positions held at once, while keeping the parts few enough that the
 * per-part work (reading the part, its devices' facts) stays small beside the reconciliation.
 */
export const INSTALLATIONS_PER_PART = 25_000;

/** Unrecognised installations read per statement. */
const UNRECOGNISED_BATCH = 10_000;

/** A reconciliation's positions, stored under its run id, ready to publish. */
export interface ReconciledRun {
  runId: string;
  header: LicencePositionHeader;
  products: number;
  /** The under-licensed products, as the risk rules read them. */
  shortfalls: LicenceShortfalls;
  /** Every product's full name, by id (what the risk findings call it). */
  productNames: Map<string, string>;
}

/**
 * Reconciles the stored estate a part at a time (see planLicenceParts in @itam/common, whose
 * `reconcileLicencesInParts` is the definition this follows) and keeps each part's positions as
 * the positions of one run: in memory at once are the products, entitlements, assignments and peaks, the
 * facts of the devices holding software, the installations the recognition rules give a product,
 * and one part's evidence and positions, never every installation or every explanation. Between
 * parts the event loop gets a turn, so requests keep being served while a large estate reconciles.
 *
 * The caller publishes the run ({@link LicencePositionStore.publishIfCurrent}) or drops it.
 */
export async function reconcileStoredLicences(options: {
  licences: LicenceStore;
  register: LicenceDeviceReader;
  positions: LicencePositionStore;
  asOf: string;
  computedAt: string;
  installationsPerPart?: number;
}): Promise<ReconciledRun> {
  const { licences, register, positions, asOf, computedAt } = options;
  const storedProducts = await licences.listProducts();
  const recognise = compileRecognition(storedProducts);
  const products = storedProducts.map(toDomainProduct);
  const productIds = new Set(products.map(p => p.id));
  const entitlements = (await licences.listEntitlements()).map(toDomainEntitlement);
  const estateCurrency = estateCurrencyOf(entitlements);
  const assignments = await licences.listAssignments();
  const peaks = await licences.listPeaks();

  const counts = new Map<string, number>();
  for (const c of await licences.countInstallationsByProduct()) if (c.productId !== null) counts.set(c.productId, c.installations);
  // Installations imported without a product, which the recognition rules may give one: kept by
  // product until their part comes (usually few; a discovery import recognised on arrival has none).
  const recognised = await readRecognisedInstallations(licences, recognise, productIds);
  for (const [productId, list] of recognised) counts.set(productId, (counts.get(productId) ?? 0) + list.length);

  const consumers = new Set(await licences.listInstallationDeviceIds());
  for (const e of entitlements) for (const id of e.allocations?.deviceIds ?? []) consumers.add(id);
  // Indexed once for every part: a part then costs what its installations cost.
  const devices = LicenceDeviceIndex.of([...(await readDeviceFacts(register, consumers)).values()]);

  // Grouped by product once, so each part takes its own without a pass over every list.
  const productsById = new Map(products.map(p => [p.id, p]));
  const entitlementsOf = groupByProduct(entitlements);
  const assignmentsOf = groupByProduct(assignments);
  const peaksOf = groupByProduct(peaks);

  const runId = randomUUID();
  const assembler = new LicenceReportAssembler({ asOf });
  let reconciled = 0;
  const shortfalls = new LicenceShortfallCollector();
  try {
    for (const part of planLicenceParts(products, id => counts.get(id) ?? 0, options.installationsPerPart ?? INSTALLATIONS_PER_PART)) {
      const installations = await licences.readInstallationsOfProducts(part.productIds);
      // A loop, not a spread: a product may have more recognised installations than a call takes arguments.
      for (const id of part.productIds) for (const installation of recognised.get(id) ?? []) installations.push(installation);
      const report = reconcileLicencesOnDevices(
        {
          products: part.productIds.map(id => productsById.get(id)!),
          entitlements: part.productIds.flatMap(id => entitlementsOf.get(id) ?? []),
          installations,
          userAssignments: part.productIds.flatMap(id => assignmentsOf.get(id) ?? []),
          concurrentPeaks: part.productIds.flatMap(id => peaksOf.get(id) ?? []),
        },
        devices,
        { asOf, estateCurrency },
      );
      assembler.add(report.products);
      for (const p of report.products) shortfalls.add(p);
      await positions.putRunPositions(runId, computedAt, report.products);
      reconciled += report.products.length;
      await nextTurn();
    }
  } catch (error) {
    await positions.dropRuns({ runId });
    throw error;
  }
  const productNames = new Map(products.map(p => [p.id, productFullName(p)]));
  return { runId, header: assembler.header(), products: reconciled, shortfalls: shortfalls.shortfalls(), productNames };
}

/**
 * The installations imported without a product that the recognition rules give one of
 * `productIds`, by product.
 */
async function readRecognisedInstallations(
  licences: LicenceStore,
  recognise: (row: InstallationEvidence) => string | undefined,
  productIds: ReadonlySet<string>,
): Promise<Map<string, Installation[]>> {
  const recognised = new Map<string, Installation[]>();
  for (let afterId: number | undefined; ; ) {
    const batch = await licences.readInstallationEvidence({ limit: UNRECOGNISED_BATCH, unrecognisedOnly: true, ...(afterId !== undefined ? { afterId } : {}) });
    for (const row of batch) {
      const productId = recognise(row);
      if (!productId || !productIds.has(productId)) continue;
      const list = recognised.get(productId);
      if (list) list.push(installationOf(row, productId));
      else recognised.set(productId, [installationOf(row, productId)]);
    }
    if (batch.length < UNRECOGNISED_BATCH) break;
    afterId = batch[batch.length - 1].id;
  }
  return recognised;
}

/**
 * One product's position with its harvest candidates and explanation, which the stored positions
 * leave out: its family (the versions whose rights cover each other) reconciled from the stores
 * as the full reconciliation reconciles it, so when the evidence has not changed since, the
 * figures are the stored ones. Reads the family's evidence and devices, not the estate's.
 *
 * @returns undefined when there is no such product.
 */
export async function reconcileStoredFamily(options: {
  licences: LicenceStore;
  register: LicenceDeviceReader;
  asOf: string;
  productId: string;
}): Promise<ProductPosition | undefined> {
  const { licences, register, asOf, productId } = options;
  const storedProducts = await licences.listProducts();
  const wanted = storedProducts.find(p => p.id === productId);
  if (!wanted) return undefined;
  const family = storedProducts.filter(p => familyKeyOf(p) === familyKeyOf(wanted)).map(toDomainProduct);
  const familyIds = family.map(p => p.id);
  const familyIdSet = new Set(familyIds);
  const entitlements = (await licences.listEntitlements()).map(toDomainEntitlement);
  const familyEntitlements = entitlements.filter(e => familyIdSet.has(e.productId));

  const installations = await licences.readInstallationsOfProducts(familyIds);
  const recognised = await readRecognisedInstallations(licences, compileRecognition(storedProducts), familyIdSet);
  for (const list of recognised.values()) for (const installation of list) installations.push(installation);

  const consumers = new Set(installations.map(i => i.deviceId));
  for (const e of familyEntitlements) for (const id of e.allocations?.deviceIds ?? []) consumers.add(id);
  const report = reconcileLicencesOnDevices(
    {
      products: family,
      entitlements: familyEntitlements,
      installations,
      userAssignments: await licences.listAssignments({ productIds: familyIds }),
      concurrentPeaks: await licences.listPeaks({ productIds: familyIds }),
    },
    LicenceDeviceIndex.of([...(await readDeviceFacts(register, consumers)).values()]),
    // The estate's currency, as the full reconciliation states it in every position.
    { asOf, estateCurrency: estateCurrencyOf(entitlements) },
  );
  return report.products.find(p => p.productId === productId);
}

function groupByProduct<T extends { productId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.productId);
    if (group) group.push(item);
    else groups.set(item.productId, [item]);
  }
  return groups;
}
