// The licence estate the licence benchmark reconciles, generated, and written into a plugin
// database as the plugin stores it (products, entitlements, device assets with their hardware
// facts and host links, installations, user assignments, concurrent-use peaks).
import { type Asset, type CoreCountingRule, type DeviceFacts, type Entitlement, type Installation, type LicenceInput, type LicenceMetric, type SoftwareProduct } from '@itam/common';
import type { Knex } from 'knex';
import { assetToRow } from '../../../plugins/itam-backend/src/database/rows';
import { entitlementColumns, productColumns } from '../../../plugins/itam-backend/src/licences/KnexLicenceStore';

export interface LicenceSizes {
  installations: number;
  devices: number;
  products: number;
  entitlements: number;
  userAssignments: number;
  concurrentPeaks: number;
}

// How families are licensed, with rough real-world frequencies; a family keeps one scheme.
const SCHEMES: Array<{ weight: number; metric: LicenceMetric; coreCounting?: CoreCountingRule }> = [
  { weight: 55, metric: 'per-device' },
  { weight: 10, metric: 'per-user' },
  { weight: 6, metric: 'subscription' },
  { weight: 4, metric: 'per-core', coreCounting: 'all-cores' },
  { weight: 3, metric: 'per-core', coreCounting: 'windows-server-datacenter' },
  { weight: 2, metric: 'per-core', coreCounting: 'windows-server-standard' },
  { weight: 4, metric: 'per-core', coreCounting: 'sql-server' },
  { weight: 4, metric: 'per-processor' },
  { weight: 4, metric: 'concurrent' },
  { weight: 3, metric: 'oracle-processor' },
  { weight: 3, metric: 'ibm-pvu' },
  { weight: 2, metric: 'site' },
];

const CPUS = [
  { processorVendor: 'Intel', processorModel: 'Xeon Gold 6338' },
  { processorVendor: 'Intel', processorModel: 'Xeon E5-2680 v4' },
  { processorVendor: 'AMD', processorModel: 'EPYC 7763' },
  { processorVendor: 'IBM', processorModel: 'POWER9' },
  { processorVendor: 'Intel', processorModel: 'Xeon E5450' },
];

function isoDay(random: () => number, fromYear: number, years: number): string {
  const ms = Date.UTC(fromYear, 0, 1) + Math.floor(random() * years * 365) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * An estate shaped like a real one: servers (some hosting VMs), VMs, and workstations; product
 * families of one to three versions, most licensed per device; installations skewed towards
 * popular products; about a fifth of rights expired or not yet started, a tenth allocated.
 */
export function generateLicenceEstate(sizes: LicenceSizes, random: () => number): LicenceInput {
  const pick = (n: number) => Math.floor(random() * n);
  const skewed = (n: number) => Math.floor(random() * random() * n);
  const totalWeight = SCHEMES.reduce((s, x) => s + x.weight, 0);
  const scheme = () => {
    let r = random() * totalWeight;
    for (const s of SCHEMES) if ((r -= s.weight) < 0) return s;
    return SCHEMES[0];
  };

  const products: SoftwareProduct[] = [];
  const productScheme: (typeof SCHEMES)[number][] = [];
  let family = 0;
  while (products.length < sizes.products) {
    const s = scheme();
    const versions = 1 + pick(3);
    for (let v = 0; v < versions && products.length < sizes.products; v++) {
      products.push({
        id: `prd-${products.length}`,
        publisher: `Publisher ${family % 400}`,
        name: `Product ${family}`,
        version: String(2020 + v * 2),
        underManagement: random() < 0.9,
        ...(s.coreCounting !== undefined && { coreCounting: s.coreCounting }),
      });
      productScheme.push(s);
    }
    family++;
  }

  const devices: DeviceFacts[] = [];
  const hosts = Math.round(sizes.devices * 0.1);
  const servers = Math.round(sizes.devices * 0.2);
  const vms = Math.round(sizes.devices * 0.3);
  for (let i = 0; i < sizes.devices; i++) {
    const deviceId = `dev-${i}`;
    if (i < servers) {
      const processors = 1 + pick(4);
      devices.push({ deviceId, kind: 'physical', processors, coresPerProcessor: [4, 8, 12, 16, 24, 32][pick(6)], maxSockets: processors + pick(2), ...CPUS[pick(CPUS.length)] });
    } else if (i < servers + vms) {
      devices.push({
        deviceId,
        kind: 'virtual',
        processors: 1 + pick(2),
        coresPerProcessor: [1, 2, 4, 8][pick(4)],
        ...(random() < 0.8 && { hostDeviceId: `dev-${pick(hosts)}` }),
      });
    } else if (random() < 0.97) {
      devices.push({ deviceId, kind: 'physical', processors: 1, coresPerProcessor: [2, 4, 6, 8][pick(4)], ...CPUS[0] });
    }
    // The remaining few percent have no facts, as in any real inventory.
  }

  const entitlements: Entitlement[] = [];
  for (let i = 0; i < sizes.entitlements; i++) {
    const p = i < sizes.products ? i : skewed(sizes.products);
    const s = productScheme[p];
    const metric = random() < 0.95 ? s.metric : SCHEMES[pick(SCHEMES.length)].metric;
    const unlimited = metric === 'site' || metric === 'unlimited';
    const perUnit = metric === 'ibm-pvu' ? 2_000 : metric === 'per-core' ? 200 : metric === 'oracle-processor' ? 10 : 60;
    const term = random();
    const deviceMetric = metric === 'per-device' || metric === 'per-core' || metric === 'per-processor';
    entitlements.push({
      id: `ent-${i}`,
      productId: `prd-${p}`,
      metric,
      ...(!unlimited && { quantity: 1 + pick(perUnit) }),
      ...(term < 0.15
        ? { termStart: '2022-01-01', termEnd: isoDay(random, 2023, 3) }
        : term < 0.2
          ? { termStart: isoDay(random, 2027, 1) }
          : term < 0.6
            ? { termStart: '2025-01-01', termEnd: isoDay(random, 2026, 3) }
            : {}),
      unitCost: Math.round(random() * 100_000) / 100,
      currency: 'EUR',
      downgradeRights: metric !== 'subscription' && metric !== 'concurrent' && random() < 0.5,
      ...(deviceMetric && random() < 0.1 && {
        allocations: { deviceIds: Array.from({ length: 1 + pick(5) }, () => `dev-${pick(sizes.devices)}`).filter((d, k, a) => a.indexOf(d) === k) },
      }),
    });
  }

  const installations: Installation[] = new Array(sizes.installations);
  for (let i = 0; i < sizes.installations; i++) {
    const usage = random();
    installations[i] = {
      id: `ins-${i}`,
      deviceId: `dev-${pick(sizes.devices)}`,
      productId: `prd-${skewed(sizes.products)}`,
      ...(usage < 0.1 ? { lastUsed: null } : usage < 0.4 ? {} : { lastUsed: isoDay(random, 2024, 2.5) }),
    };
  }

  const users = Math.max(1, Math.round(sizes.userAssignments / 4));
  const userAssignments = Array.from({ length: sizes.userAssignments }, () => ({
    userRef: `user:default/user-${pick(users)}`,
    productId: `prd-${skewed(sizes.products)}`,
  }));
  const concurrentPeaks = Array.from({ length: sizes.concurrentPeaks }, () => ({
    productId: `prd-${pick(sizes.products)}`,
    peak: pick(200),
    observedAt: isoDay(random, 2026, 0.5),
  }));
  return { products, entitlements, installations, devices, userAssignments, concurrentPeaks };
}


const AT = '2026-06-30T00:00:00.000Z';
const ROWS = 500;

async function insertAll(trx: Knex.Transaction, table: string, rows: object[], batch = ROWS) {
  for (let i = 0; i < rows.length; i += batch) await trx(table).insert(rows.slice(i, i + batch));
}

/** A device as a register asset: its hardware facts as attributes, as the reconciliation reads them. */
function deviceAsset(id: string, i: number, facts: DeviceFacts | undefined): Asset {
  const virtual = facts?.kind === 'virtual';
  const attributes: Record<string, string | number> = {};
  if (facts) {
    attributes.processors = facts.processors;
    attributes.coresPerProcessor = facts.coresPerProcessor;
    if (facts.processorVendor) attributes.processorVendor = facts.processorVendor;
    if (facts.processorModel) attributes.processorModel = facts.processorModel;
    if (facts.maxSockets !== undefined) attributes.maxSockets = facts.maxSockets;
  }
  return {
    id,
    tag: `DEV-${i}`,
    name: `device ${i}`,
    assetClass: 'hardware',
    type: virtual ? 'virtual-machine' : 'server',
    criticality: 3,
    dataClassification: 'internal',
    externalIds: [],
    attributes,
    lifecycleStage: 'deployed',
    version: 1,
    createdAt: AT,
    updatedAt: AT,
  };
}

/**
 * Writes a generated licence estate into a migrated plugin database, as the plugin's stores keep
 * it; every device of the estate becomes an asset (those without facts have no hardware
 * attributes), so every installation has its device.
 */
export async function seedLicenceDatabase(knex: Knex, data: LicenceInput, deviceCount: number): Promise<void> {
  const facts = new Map(data.devices.map(d => [d.deviceId, d]));
  const stamp = { version: 1, created_at: AT, updated_at: AT };
  await knex.transaction(async trx => {
    const assets = Array.from({ length: deviceCount }, (_, i) => assetToRow(deviceAsset(`dev-${i}`, i, facts.get(`dev-${i}`))));
    await insertAll(trx, 'itam_assets', assets, 50);
    const hosted = data.devices.filter(d => d.hostDeviceId);
    await insertAll(
      trx,
      'itam_asset_links',
      hosted.map(d => ({ source_asset_id: d.hostDeviceId, type: 'hosts', target_asset_id: d.deviceId, created_by: 'bench', created_at: AT })),
    );
    await insertAll(
      trx,
      'itam_software_products',
      data.products.map(p => ({ ...productColumns(p), ...stamp })),
    );
    await insertAll(
      trx,
      'itam_entitlements',
      data.entitlements.map(e => ({ ...entitlementColumns(e), ...stamp })),
    );
    const names = new Map(data.products.map(p => [p.id, p.name]));
    await insertAll(
      trx,
      'itam_installations',
      data.installations.map(i => ({
        asset_id: i.deviceId,
        product_id: i.productId,
        product_name: names.get(i.productId)!,
        last_used: i.lastUsed ?? null,
        source: 'api',
        imported_at: AT,
      })),
    );
    const assignments = new Map(data.userAssignments.map(a => [`${a.productId} ${a.userRef}`, a]));
    await insertAll(
      trx,
      'itam_user_assignments',
      [...assignments.values()].map(a => ({ product_id: a.productId, user_ref: a.userRef, created_by: 'bench', created_at: AT })),
    );
    await insertAll(
      trx,
      'itam_concurrent_peaks',
      data.concurrentPeaks.map(p => ({ product_id: p.productId, peak: p.peak, observed_at: p.observedAt, created_by: 'bench', created_at: AT })),
    );
  });
}
