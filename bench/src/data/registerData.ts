// Deterministic, realistic register data for benchmarks: a mix of classes and types, owners
// from a set of teams, purchase data, and links to catalogue components.
import { ASSET_CLASSES, type Asset, type AssetClass } from '@itam/common';
// The module, not the package: the import benchmark's worker loads this file, and its peak RSS
// should not count the whole backend plugin.
import { rebuildEntityAssetItems } from '@itam/backstage-plugin-itam-backend/src/database/entityAssetItems';
import { assetToRow } from '@itam/backstage-plugin-itam-backend/src/database/rows';
import type { Knex } from 'knex';
import { seededRandom } from '../harness';

const TYPES: Record<AssetClass, string[]> = {
  hardware: ['laptop', 'server', 'desktop', 'network-switch', 'monitor'],
  software: ['database-server', 'office-suite', 'ide'],
  cloud: ['virtual-machine', 'bucket', 'database'],
  information: ['dataset'],
  service: ['saas'],
};
const STAGES = ['in-stock', 'deployed', 'deployed', 'deployed', 'maintenance', 'retired'] as const;

/** Number of distinct catalogue components assets link to (about 50 assets each at 1M). */
export function entityCount(assets: number): number {
  return Math.max(10, Math.round(assets / 50));
}

/** The i-th generated asset. */
export function generateAsset(i: number, random: () => number): Asset {
  const assetClass = ASSET_CLASSES[Math.floor(random() * 10) % ASSET_CLASSES.length];
  const types = TYPES[assetClass];
  const type = types[Math.floor(random() * types.length)];
  const tag = `A-${String(i).padStart(8, '0')}`;
  const at = new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    tag,
    name: `${type} ${i}`,
    assetClass,
    type,
    criticality: (1 + Math.floor(random() * 4)) as Asset['criticality'],
    dataClassification: 'internal',
    serialNumber: `SN${(i * 7919).toString(36).toUpperCase()}`,
    externalIds: [],
    owner: `group:default/team-${Math.floor(random() * 200)}`,
    location: `site-${Math.floor(random() * 40)}`,
    purchase: { date: '2024-01-15', cost: Math.round(random() * 500000) / 100, currency: 'EUR' },
    warrantyEnd: '2027-01-15',
    attributes: {},
    lifecycleStage: STAGES[Math.floor(random() * STAGES.length)],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Fills a migrated register with `count` assets and one component link each, as fast as the
 * database allows (this is set-up, not what is measured), then builds the entity lookup's stored
 * items as the plugin does after a bulk load.
 */
export async function seedRegister(knex: Knex, count: number, seed: number): Promise<void> {
  const random = seededRandom(seed);
  const entities = entityCount(count);
  const batch = 500;
  for (let start = 0; start < count; start += batch * 20) {
    await knex.transaction(async trx => {
      for (let b = start; b < Math.min(count, start + batch * 20); b += batch) {
        const assets = [];
        const links = [];
        for (let i = b; i < Math.min(count, b + batch); i++) {
          const asset = generateAsset(i, random);
          // Every asset gets its component link in this transaction: flagged as catalogued from
          // the start, the link table's trigger has no asset row to update (a bulk of such updates
          // rewrote every row and its indexes: 2.6x the seeding time on PostgreSQL at 30k).
          assets.push({ ...assetToRow(asset), catalogued: 1 });
          links.push({
            asset_id: asset.id,
            entity_ref: `component:default/service-${i % entities}`,
            role: 'runs-on',
            created_by: 'bench',
            created_at: asset.createdAt,
          });
        }
        // SQLite caps bound parameters per statement; 50 rows of every asset column stay far below it.
        for (let k = 0; k < assets.length; k += 50) {
          await trx('itam_assets').insert(assets.slice(k, k + 50));
          await trx('itam_entity_links').insert(links.slice(k, k + 50));
        }
      }
    });
  }
  await rebuildEntityAssetItems(knex);
}

/** The id of the audit campaign {@link seedAuditCampaign} opens. */
export const BENCH_CAMPAIGN_ID = 'bench-hardware-count';

/**
 * Opens a hardware count with `observations` sightings spread over the register (every one a
 * generated asset's tag; one in ten at another site, one in twenty not found, one in fifty a tag
 * the register lacks): what auditors have reported, which does not grow with the register.
 */
export async function seedAuditCampaign(knex: Knex, count: number, observations: number, seed: number): Promise<void> {
  const random = seededRandom(seed + 1);
  await knex('itam_audit_campaigns').insert({
    id: BENCH_CAMPAIGN_ID,
    name: 'Hardware count',
    scope: JSON.stringify({ assetClasses: ['hardware'] }),
    status: 'open',
    created_by: 'bench',
    created_at: '2026-01-01T00:00:00.000Z',
  });
  const rows = [];
  for (let k = 0; k < observations; k++) {
    const i = Math.floor(random() * count);
    const r = random();
    rows.push({
      campaign_id: BENCH_CAMPAIGN_ID,
      asset_tag: r < 0.02 ? `X-${k}` : `A-${String(i).padStart(8, '0')}`,
      result: r > 0.95 ? 'not-found' : 'seen',
      location: r < 0.1 ? 'site-elsewhere' : null,
      observed_by: 'user:default/auditor',
      observed_at: new Date(Date.UTC(2026, 0, 2) + k * 1000).toISOString(),
    });
  }
  for (let k = 0; k < rows.length; k += 100) await knex('itam_audit_observations').insert(rows.slice(k, k + 100));
}
