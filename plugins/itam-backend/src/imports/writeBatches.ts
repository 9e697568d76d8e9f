import type { Asset, AssetChange, HistoryEvent } from '@itam/common';
import type { Knex } from 'knex';
import { assetToRow, eventToRow } from '../database/rows';
import type { InstallationInput } from './types';

/**
 * Rows per INSERT statement: few round trips, and far below the bound-parameter limits of
 * SQLite (32766) and PostgreSQL (65535) at 15 columns a row.
 */
export const INSERT_BATCH = 500;

async function insertInBatches(q: Knex | Knex.Transaction, table: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await q(table).insert(rows.slice(i, i + INSERT_BATCH));
  }
}

const externalIdRows = (assets: Asset[]) =>
  assets.flatMap(a => a.externalIds.map(e => ({ asset_id: a.id, source: e.source, source_id: e.sourceId })));

/** Inserts new assets with their external ids and `created` history events, in batches. */
export async function writeCreates(q: Knex | Knex.Transaction, creates: AssetChange[]) {
  if (creates.length === 0) return;
  await insertInBatches(q, 'itam_assets', creates.map(c => assetToRow(c.asset)));
  await insertInBatches(q, 'itam_asset_external_ids', externalIdRows(creates.map(c => c.asset)));
  await insertInBatches(q, 'itam_asset_history', creates.map(c => eventToRow(c.event)));
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
    await insertInBatches(q, 'itam_asset_external_ids', externalIdRows(batch));
  }
  await insertInBatches(q, 'itam_asset_history', updates.flatMap(u => u.events.map(eventToRow)));
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
  const rows = batches.flatMap(b =>
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
  await insertInBatches(q, 'itam_installations', rows);
}
