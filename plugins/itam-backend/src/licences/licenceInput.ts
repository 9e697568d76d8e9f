import {
  compileRecognition,
  devicesOfPart,
  reconcileLicences,
  type Asset,
  type DeviceFacts,
  type Entitlement,
  type Installation,
  type LicenceInput,
  type LicencePositionReport,
  type SoftwareProduct,
} from '@itam/common';
import type { AssetStore } from '../database/AssetStore';
import type { InstallationEvidence, LicenceStore, StoredEntitlement, StoredProduct } from './LicenceStore';

/** Installations read per statement by the recompute. */
const INSTALLATION_BATCH = 10_000;

/** The domain product, without what only the store keeps. */
export function toDomainProduct(p: StoredProduct): SoftwareProduct {
  const { recognition: _r, revision: _v, createdAt: _c, updatedAt: _u, ...product } = p;
  return product;
}

export function toDomainEntitlement(e: StoredEntitlement): Entitlement {
  const { revision: _v, createdAt: _c, updatedAt: _u, ...entitlement } = e;
  return entitlement;
}

const count = (value: unknown): number | undefined => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
};
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : undefined;

/** Vendors the processor tables know, read from a free-text model when no vendor is recorded. */
const VENDORS: [RegExp, string][] = [
  [/\bintel\b|\bxeon\b/i, 'Intel'],
  [/\bamd\b|\bepyc\b|\bopteron\b/i, 'AMD'],
  [/\bampere\b/i, 'Ampere'],
  [/\bpower\s?\d+\b/i, 'IBM'],
  [/\bsparc\b/i, 'Oracle'],
];

export function isVirtual(asset: Asset): boolean {
  return asset.assetClass === 'cloud' || asset.type === 'virtual-machine';
}

/**
 * The hardware facts of a device asset, from its `attributes` as a GLPI import writes them
 * (`processors`, `cores` in total, `processorModel`, `maxSockets`) or as entered by hand
 * (`processors`, `coresPerProcessor`, `cpu`, `processorVendor`). A VM with only `vcpus` is one
 * virtual processor with that many cores. Missing counts are 0, which the reconciliation reports
 * as incomplete facts rather than guessing.
 */
export function deviceFactsOf(asset: Asset, hostId?: string): DeviceFacts {
  const a = asset.attributes ?? {};
  const vcpus = count(a.vcpus);
  let processors = count(a.processors) ?? 0;
  let coresPerProcessor = count(a.coresPerProcessor) ?? 0;
  const totalCores = count(a.cores);
  if (coresPerProcessor === 0 && totalCores !== undefined && processors > 0) {
    // Rounded up: counting fewer cores than present would understate the requirement.
    coresPerProcessor = Math.ceil(totalCores / processors);
  }
  if (processors === 0 && coresPerProcessor === 0 && vcpus !== undefined && vcpus > 0) {
    processors = 1;
    coresPerProcessor = vcpus;
  }
  const model = text(a.processorModel) ?? text(a.cpu);
  const vendor = text(a.processorVendor) ?? (model ? VENDORS.find(([re]) => re.test(model))?.[1] : undefined);
  const maxSockets = count(a.maxSockets);
  const virtual = isVirtual(asset);
  return {
    deviceId: asset.id,
    kind: virtual ? 'virtual' : 'physical',
    processors,
    coresPerProcessor,
    ...(vendor ? { processorVendor: vendor } : {}),
    ...(model ? { processorModel: model } : {}),
    ...(maxSockets !== undefined && maxSockets >= Math.max(1, processors) ? { maxSockets } : {}),
    ...(virtual && hostId ? { hostDeviceId: hostId } : {}),
  };
}

/** An installation as the reconciliation reads it, or undefined when no product is known. */
function toDomainInstallation(
  row: InstallationEvidence,
  recognise: (row: InstallationEvidence) => string | undefined,
): Installation | undefined {
  const productId = row.productId ?? recognise(row);
  return productId ? installationOf(row, productId) : undefined;
}

/** Installation evidence as the reconciliation reads it, counted against `productId`. */
export function installationOf(row: InstallationEvidence, productId: string): Installation {
  return {
    id: String(row.id),
    deviceId: row.assetId,
    productId,
    ...(row.version ? { version: row.version.slice(0, 100) } : {}),
    ...(row.lastUsed !== undefined ? { lastUsed: row.lastUsed } : {}),
  };
}

/**
 * Builds the reconciliation input from the stores: products, entitlements, installations (those
 * recorded against a product, and imported raw ones the recognition rules match), the facts of
 * every device that consumes or holds an allocation (and of the hosts of its VMs), user
 * assignments and concurrent-use peaks.
 */
export async function loadLicenceInput(licences: LicenceStore, register: LicenceDeviceReader): Promise<LicenceInput> {
  const products = await licences.listProducts();
  const productIds = new Set(products.map(p => p.id));
  const recognise = compileRecognition(products);
  const entitlements = (await licences.listEntitlements()).map(toDomainEntitlement);
  // Read a batch at a time and kept only as the reconciliation reads them: a million stored rows
  // held at once, beside what they become, would double the memory the recompute needs.
  const installations: Installation[] = [];
  for (let afterId: number | undefined; ; ) {
    const batch = await licences.readInstallationEvidence({ limit: INSTALLATION_BATCH, ...(afterId !== undefined ? { afterId } : {}) });
    for (const row of batch) {
      const installation = toDomainInstallation(row, recognise);
      if (installation && productIds.has(installation.productId)) installations.push(installation);
    }
    if (batch.length < INSTALLATION_BATCH) break;
    afterId = batch[batch.length - 1].id;
  }

  const consumers = new Set<string>(installations.map(i => i.deviceId));
  for (const e of entitlements) for (const id of e.allocations?.deviceIds ?? []) consumers.add(id);
  const facts = await readDeviceFacts(register, consumers);
  const devices = devicesOfPart(installations, entitlements, facts).sort((a, b) => (a.deviceId < b.deviceId ? -1 : 1));

  return {
    products: products.map(toDomainProduct),
    entitlements,
    installations,
    devices,
    userAssignments: await licences.listAssignments(),
    concurrentPeaks: await licences.listPeaks(),
  };
}

/** The licence position of every product as of a day. */
export async function computeLicencePositions(
  licences: LicenceStore,
  register: LicenceDeviceReader,
  asOf: string,
): Promise<LicencePositionReport> {
  return reconcileLicences(await loadLicenceInput(licences, register), { asOf });
}

/**
 * What the reconciliation reads of the register: only the devices that consume or hold rights,
 * and the physical hosts of the virtual ones among them, never the whole register.
 */
export type LicenceDeviceReader = Pick<AssetStore, 'getAssets' | 'listLinksTo'>;

/** Assets read per statement while the devices' facts are gathered. */
const DEVICE_BATCH = 1_000;

/**
 * The facts of the devices in `consumers` and, hop by hop, of the physical hosts their `hosts`
 * links name (a VM is licensed through its host's cores). Each asset is read a batch at a time and
 * kept only as its facts: tens of thousands of whole assets would outweigh the evidence.
 */
export async function readDeviceFacts(register: LicenceDeviceReader, consumers: Iterable<string>): Promise<Map<string, DeviceFacts>> {
  const facts = new Map<string, DeviceFacts>();
  const read = async (ids: readonly string[]) => {
    const wanted = ids.filter(id => !facts.has(id));
    for (let i = 0; i < wanted.length; i += DEVICE_BATCH) {
      for (const asset of await register.getAssets(wanted.slice(i, i + DEVICE_BATCH))) facts.set(asset.id, deviceFactsOf(asset));
    }
  };
  const visited = new Set<string>();
  let frontier = [...new Set(consumers)];
  while (frontier.length > 0) {
    for (const id of frontier) visited.add(id);
    await read(frontier);
    const next = new Set<string>();
    for (let i = 0; i < frontier.length; i += DEVICE_BATCH) {
      const links = (await register.listLinksTo('hosts', frontier.slice(i, i + DEVICE_BATCH))).filter(l => l.sourceAssetId !== l.targetAssetId);
      await read([...new Set(links.map(l => l.sourceAssetId))]);
      for (const link of links) {
        const host = facts.get(link.sourceAssetId);
        const guest = facts.get(link.targetAssetId);
        if (!host || host.kind === 'virtual' || !guest || guest.kind !== 'virtual') continue;
        guest.hostDeviceId = link.sourceAssetId;
        if (!visited.has(host.deviceId)) next.add(host.deviceId);
      }
    }
    frontier = [...next];
  }
  return facts;
}
