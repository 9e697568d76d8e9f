import type { Asset } from '@itam/common';
import type { Knex } from 'knex';
import { entityRefsLinkedTo, refreshEntityAssetItems } from '../database/entityAssetItems';
import type { AssetWriteListener } from '../database/KnexAssetStore';
import { insertRows } from '../database/insertRows';
import { assetToRow, rowToAsset, type AssetRow } from '../database/rows';
import { INSERT_BATCH, INSTALLATION_COLUMNS, type AssetLinkRow, type InstallationBatch, type InstallationRow } from './writeBatches';

// An import writes its rows in short transactions, so a large job never holds the database (on
// SQLite, the one connection every request shares) for its whole write phase. Each of those
// transactions also stores, in `itam_import_undo`, how to take back what it wrote. The job's
// last transaction deletes its undo records and marks the job committed: that is the job-level
// commit. A job that fails, or whose process dies (its lease expires), has its records applied
// newest first, each in its own transaction, and the register is as it was before the job.
//
// Between the transactions other requests see the rows written so far; they are the job's until
// it commits. A rollback does not overwrite what another request changed meanwhile: an asset
// edited since the import wrote it keeps that edit (the rollback reports it).

const TABLE = 'itam_import_undo';

/** How to take back one write transaction of an import job. */
export interface ImportUndo {
  /** Ids of the assets it created (each at version 1). */
  created: string[];
  /** The assets it updated, as they were before, with the version the import wrote. */
  updated: { before: Asset; writtenVersion: number; externalIdsChanged: boolean }[];
  /** Per source, the devices whose installations it replaced, and their rows before. */
  installations: { source: string; assetIds: string[]; before: InstallationRow[] }[];
  /** The asset-to-asset links it added (links that existed already are not listed). */
  links: Pick<AssetLinkRow, 'source_asset_id' | 'type' | 'target_asset_id'>[];
}

/** An empty undo record. */
export const emptyUndo = (): ImportUndo => ({ created: [], updated: [], installations: [], links: [] });

/** Whether the record would take nothing back. */
export const isEmptyUndo = (u: ImportUndo) =>
  u.created.length === 0 && u.updated.length === 0 && u.installations.length === 0 && u.links.length === 0;

/** Records, before they are replaced, the installations of `batches`' devices. */
export async function captureInstallations(trx: Knex.Transaction, batches: InstallationBatch[], undo: ImportUndo) {
  for (const source of new Set(batches.map(b => b.source))) {
    const assetIds = batches.filter(b => b.source === source).map(b => b.assetId);
    const before: InstallationRow[] = [];
    for (let i = 0; i < assetIds.length; i += INSERT_BATCH) {
      before.push(
        ...((await trx('itam_installations')
          .where('source', source)
          .whereIn('asset_id', assetIds.slice(i, i + INSERT_BATCH))
          .select(...INSTALLATION_COLUMNS)) as InstallationRow[]),
      );
    }
    undo.installations.push({ source, assetIds, before });
  }
}

/** Records which of `links` do not exist yet (the ones the write adds). */
export async function captureLinks(trx: Knex.Transaction, links: AssetLinkRow[], undo: ImportUndo) {
  const key = (l: Pick<AssetLinkRow, 'source_asset_id' | 'type' | 'target_asset_id'>) =>
    `${l.source_asset_id}\u0000${l.type}\u0000${l.target_asset_id}`;
  for (let i = 0; i < links.length; i += INSERT_BATCH) {
    const batch = links.slice(i, i + INSERT_BATCH);
    const existing: Pick<AssetLinkRow, 'source_asset_id' | 'type' | 'target_asset_id'>[] = await trx('itam_asset_links')
      .whereIn(['source_asset_id', 'type', 'target_asset_id'], batch.map(l => [l.source_asset_id, l.type, l.target_asset_id]))
      .select('source_asset_id', 'type', 'target_asset_id');
    const known = new Set(existing.map(key));
    for (const l of batch) {
      if (!known.has(key(l))) {
        known.add(key(l));
        undo.links.push({ source_asset_id: l.source_asset_id, type: l.type, target_asset_id: l.target_asset_id });
      }
    }
  }
}

/** Stores a write transaction's undo record, in that transaction. */
export async function saveUndo(trx: Knex.Transaction, jobId: string, undo: ImportUndo, at: string) {
  if (isEmptyUndo(undo)) return;
  await trx(TABLE).insert({ job_id: jobId, undo: JSON.stringify(undo), created_at: at });
}

/** The job-level commit: its undo records go, in the transaction that writes its last rows. */
export async function commitImport(trx: Knex.Transaction, jobId: string) {
  await trx(TABLE).where({ job_id: jobId }).delete();
}

/** What a rollback did. */
export interface ImportRollback {
  /** Write transactions taken back. */
  transactions: number;
  /** Tags of assets left as another request changed them after the import wrote them. */
  kept: string[];
}

/**
 * Takes back everything job `jobId` wrote and has not committed, newest transaction first, each
 * record in a transaction that first deletes it (so two processes rolling one job back never
 * apply a record twice), and runs `assetsWritten` in it for the assets it restored or removed. Safe to call again after a failure part-way.
 */
export async function rollBackImport(db: Knex, jobId: string, assetsWritten?: AssetWriteListener): Promise<ImportRollback> {
  const result: ImportRollback = { transactions: 0, kept: [] };
  for (;;) {
    const record: { id: number | string; undo: string } | undefined = await db(TABLE)
      .where({ job_id: jobId })
      .orderBy('id', 'desc')
      .first('id', 'undo');
    if (!record) return result;
    await db.transaction(async trx => {
      const taken = await trx(TABLE).where({ id: record.id }).delete();
      if (taken === 0) return;
      result.transactions++;
      const undo = JSON.parse(record.undo) as ImportUndo;
      result.kept.push(...(await applyUndo(trx, undo)));
      await assetsWritten?.(trx, [...undo.created, ...undo.updated.map(u => u.before.id)]);
    });
  }
}

/** Job ids with undo records, for recovery after a process died. */
export async function jobsWithUndo(db: Knex): Promise<string[]> {
  const rows: { job_id: string }[] = await db(TABLE).distinct('job_id');
  return rows.map(r => r.job_id);
}

/** Versions of the given assets now. */
async function currentVersions(trx: Knex.Transaction, ids: string[]): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  for (let i = 0; i < ids.length; i += INSERT_BATCH) {
    const rows: { id: string; version: number | string }[] = await trx('itam_assets')
      .whereIn('id', ids.slice(i, i + INSERT_BATCH))
      .select('id', 'version');
    for (const r of rows) versions.set(r.id, Number(r.version));
  }
  return versions;
}

/** Applies one undo record in reverse order of the writes; returns the tags it left alone. */
async function applyUndo(trx: Knex.Transaction, undo: ImportUndo): Promise<string[]> {
  const kept: string[] = [];
  for (const l of undo.links) await trx('itam_asset_links').where(l).delete();

  for (const { source, assetIds, before } of undo.installations) {
    for (let i = 0; i < assetIds.length; i += INSERT_BATCH) {
      await trx('itam_installations').where('source', source).whereIn('asset_id', assetIds.slice(i, i + INSERT_BATCH)).delete();
    }
    await insertRows(trx, 'itam_installations', INSTALLATION_COLUMNS, before);
  }

  const touchedEntities = new Set(await entityRefsLinkedTo(trx, undo.updated.map(u => u.before.id)));
  const versions = await currentVersions(trx, undo.updated.map(u => u.before.id));
  const restore = undo.updated.filter(u => {
    const same = versions.get(u.before.id) === u.writtenVersion;
    if (!same) kept.push(u.before.tag);
    return same;
  });
  for (let i = 0; i < restore.length; i += INSERT_BATCH) {
    const batch = restore.slice(i, i + INSERT_BATCH);
    await trx('itam_assets').insert(batch.map(u => assetToRow(u.before))).onConflict('id').merge();
    for (const u of batch) {
      // The job's history events were never committed: they go with its changes.
      await trx('itam_asset_history').where('asset_id', u.before.id).where('version', '>', u.before.version).delete();
    }
    const reidentified = batch.filter(u => u.externalIdsChanged).map(u => u.before);
    if (reidentified.length > 0) {
      await trx('itam_asset_external_ids').whereIn('asset_id', reidentified.map(a => a.id)).delete();
      await insertRows(
        trx,
        'itam_asset_external_ids',
        ['asset_id', 'source', 'source_id'],
        reidentified.flatMap(a => a.externalIds.map(e => ({ asset_id: a.id, source: e.source, source_id: e.sourceId }))),
      );
    }
  }

  const created = await currentVersions(trx, undo.created);
  const untouched = undo.created.filter(id => created.get(id) === 1);
  if (untouched.length < created.size) {
    const changed = undo.created.filter(id => created.has(id) && created.get(id) !== 1);
    for (let i = 0; i < changed.length; i += INSERT_BATCH) {
      const rows: Pick<AssetRow, 'data'>[] = await trx('itam_assets').whereIn('id', changed.slice(i, i + INSERT_BATCH)).select('data');
      kept.push(...rows.map(r => rowToAsset(r).tag));
    }
  }
  for (const ref of await entityRefsLinkedTo(trx, untouched)) touchedEntities.add(ref);
  for (let i = 0; i < untouched.length; i += INSERT_BATCH) {
    const batch = untouched.slice(i, i + INSERT_BATCH);
    // External ids, installations and links go with the asset (foreign keys cascade); its
    // history has no foreign key (it outlives deleted assets), so it is deleted here.
    await trx('itam_assets').whereIn('id', batch).delete();
    await trx('itam_asset_history').whereIn('asset_id', batch).delete();
  }
  await refreshEntityAssetItems(trx, touchedEntities);
  return kept;
}
