import type { Asset, AssetChange, HistoryEvent } from '@itam/common';
import type { Knex } from 'knex';
import { insertRows } from '../database/insertRows';
import { ASSET_COLUMNS, assetToRow, eventToRow, HISTORY_COLUMNS, type AssetRow, type HistoryRow } from '../database/rows';
import type { InstallationInput } from './types';

/** Rows per upsert or delete statement: far below the bound-parameter limits of both engines. */
export const INSERT_BATCH = 500;

const EXTERNAL_ID_COLUMNS = ['asset_id', 'source', 'source_id'] as const;
/** Columns of an `itam_installations` row other than its id. */
export const INSTALLATION_COLUMNS = ['asset_id', 'product_name', 'version', 'publisher', 'install_date', 'last_used', 'source', 'imported_at'] as const;

/** A row of `itam_installations`, without its id. */
export type InstallationRow = Record<(typeof INSTALLATION_COLUMNS)[number], string | null>;

const externalIdRows = (assets: Asset[]) =>
  assets.flatMap(a => a.externalIds.map(e => ({ asset_id: a.id, source: e.source, source_id: e.sourceId })));

/** New assets as the rows to insert: built when the import decides, inserted when it writes. */
export interface CreateRows {
  assets: AssetRow[];
  history: HistoryRow[];
  externalIds: { asset_id: string; source: string; source_id: string }[];
}

/** Adds a new asset's rows. */
export function addCreateRows(rows: CreateRows, change: AssetChange) {
  rows.assets.push(assetToRow(change.asset));
  rows.history.push(eventToRow(change.event));
  for (const e of change.asset.externalIds) rows.externalIds.push({ asset_id: change.asset.id, source: e.source, source_id: e.sourceId });
}

/** Inserts new assets' rows, in batches. */
export async function writeCreateRows(q: Knex | Knex.Transaction, rows: CreateRows) {
  await insertRows(q, 'itam_assets', ASSET_COLUMNS, rows.assets);
  await insertRows(q, 'itam_asset_external_ids', EXTERNAL_ID_COLUMNS, rows.externalIds);
  await insertRows(q, 'itam_asset_history', HISTORY_COLUMNS, rows.history);
}

/** Inserts new assets with their external ids and `created` history events, in batches. */
export async function writeCreates(q: Knex | Knex.Transaction, creates: AssetChange[]) {
  if (creates.length === 0) return;
  await insertRows(q, 'itam_assets', ASSET_COLUMNS, creates.map(c => assetToRow(c.asset)));
  await insertRows(q, 'itam_asset_external_ids', EXTERNAL_ID_COLUMNS, externalIdRows(creates.map(c => c.asset)));
  await insertRows(q, 'itam_asset_history', HISTORY_COLUMNS, creates.map(c => eventToRow(c.event)));
}

/**
 * Writes changed assets (rows locked and read in the same transaction, so their versions cannot
 * have moved) as batched upserts, replaces the external ids that changed, and appends the
 * history events.
 */
export async function writeUpdates(
  q: Knex | Knex.Transaction,
  updates: { asset: Asset; events: HistoryEvent[]; externalIdsChanged: boolean }[],
) {
  if (updates.length === 0) return;
  for (let i = 0; i < updates.length; i += INSERT_BATCH) {
    await q('itam_assets')
      .insert(updates.slice(i, i + INSERT_BATCH).map(u => assetToRow(u.asset)))
      .onConflict('id')
      .merge();
  }
  const reidentified = updates.filter(u => u.externalIdsChanged).map(u => u.asset);
  for (let i = 0; i < reidentified.length; i += INSERT_BATCH) {
    const batch = reidentified.slice(i, i + INSERT_BATCH);
    await q('itam_asset_external_ids').whereIn('asset_id', batch.map(a => a.id)).delete();
    await insertRows(q, 'itam_asset_external_ids', EXTERNAL_ID_COLUMNS, externalIdRows(batch));
  }
  await insertRows(q, 'itam_asset_history', HISTORY_COLUMNS, updates.flatMap(u => u.events.map(eventToRow)));
}

/** A device's software as one source reported it. */
export interface InstallationBatch {
  assetId: string;
  source: string;
  items: InstallationInput[];
}

/** Replaces, per device and source, the stored installations with the reported ones. */
export async function writeInstallations(q: Knex | Knex.Transaction, batches: InstallationBatch[], at: string) {
  for (const source of new Set(batches.map(b => b.source))) {
    const ofSource = batches.filter(b => b.source === source);
    for (let i = 0; i < ofSource.length; i += INSERT_BATCH) {
      await q('itam_installations')
        .where('source', source)
        .whereIn('asset_id', ofSource.slice(i, i + INSERT_BATCH).map(b => b.assetId))
        .delete();
    }
  }
  const rows: InstallationRow[] = batches.flatMap(b =>
    b.items.map(item => ({
      asset_id: b.assetId,
      product_name: item.productName,
      version: item.version ?? null,
      publisher: item.publisher ?? null,
      install_date: item.installDate ?? null,
      last_used: item.lastUsed ?? null,
      source: b.source,
      imported_at: at,
    })),
  );
  await insertRows(q, 'itam_installations', INSTALLATION_COLUMNS, rows);
}

/** A row of `itam_asset_links`. */
export interface AssetLinkRow {
  source_asset_id: string;
  type: string;
  target_asset_id: string;
  created_by: string;
  created_at: string;
}

/** Adds asset-to-asset links (a peripheral part of its computer, a host of its VMs); existing ones stay. */
export async function writeAssetLinks(q: Knex | Knex.Transaction, links: AssetLinkRow[]) {
  for (let i = 0; i < links.length; i += INSERT_BATCH) {
    await q('itam_asset_links')
      .insert(links.slice(i, i + INSERT_BATCH))
      .onConflict(['source_asset_id', 'type', 'target_asset_id'])
      .ignore();
  }
}
