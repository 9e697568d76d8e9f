import {
  checkStageRequirements,
  createAsset,
  ItamRuleViolationError,
  newAssetSchema,
  transitionAsset,
  updateAsset,
  validate,
  type Asset,
  type AssetChange,
  type AssetPatch,
  type ExternalId,
  type NewAsset,
} from '@itam/common';
import type { Knex } from 'knex';
import type { EntityRefChecker } from '../service/entityRefs';
import { UnknownEntityError } from '../service/errors';
import { entityRefsLinkedTo, refreshEntityAssetItems } from '../database/entityAssetItems';
import { rowToAsset, type AssetRow } from '../database/rows';
import { KeyIndex } from './keyIndex';
import { quickValidateNewAsset } from './quickValidate';
import { writeCreates, writeInstallations, writeUpdates, type InstallationBatch } from './writeBatches';
import {
  MAX_STORED_ERRORS,
  MAX_STORED_OUTCOMES,
  type ImportCounts,
  type ImportRowError,
  type ImportRowOutcome,
  type MappedRow,
  type MappedSource,
} from './types';

/** Rows validated, matched and written together: one round of queries per chunk. */
export const IMPORT_CHUNK_SIZE = 500;

export interface ImportOptions {
  db: Knex;
  entityRefs: EntityRefChecker;
  jobId: string;
  dryRun: boolean;
  actor: string;
  at: string;
  newId: () => string;
  /** Called after each chunk with the number of rows processed so far. */
  onProgress?: (rowsDone: number) => void;
}

export interface ImportResult {
  rowsTotal: number;
  counts: ImportCounts;
  errorCount: number;
  errors: ImportRowError[];
  outcomes: ImportRowOutcome[];
  installations: number;
  /** Whether the changes were committed (not for a dry run, nor when any row was refused). */
  applied: boolean;
}

interface Candidate {
  row: MappedRow;
  data: NewAsset;
  /** Fields the source provided, applied to an existing asset. */
  provided: Set<string>;
}

class RollbackImport extends Error {}

const extKey = (e: ExternalId) => `${e.source}\u0000${e.sourceId}`;

/**
 * Imports the rows of a file as one job. Every row is validated with the common schema and
 * matched to the register by external id, then serial number, then asset tag; new assets are
 * created with `createAsset`, changed ones go through `updateAsset` (and `transitionAsset` for a
 * new stage) so history records the acting principal. All writes happen in one transaction that
 * is rolled back when any row is refused: a job applies completely or not at all. A dry run
 * reads the register the same way and writes nothing.
 */
export async function importAssets(source: MappedSource, options: ImportOptions): Promise<ImportResult> {
  const run = new ImportRun(source, options);
  if (options.dryRun) {
    await run.consume(options.db);
    return run.result(false);
  }
  try {
    await options.db.transaction(async trx => {
      await run.consume(trx);
      if (run.counts.refused > 0) throw new RollbackImport();
      await run.refreshEntityAssetItems(trx);
    });
    return run.result(true);
  } catch (e) {
    if (e instanceof RollbackImport) return run.result(false);
    throw e;
  }
}

class ImportRun {
  readonly counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  private errors: ImportRowError[] = [];
  private errorCount = 0;
  private outcomes: ImportRowOutcome[] = [];
  private installations = 0;
  private rowsSeen = 0;
  // Per-job indexes: which row used a tag, serial or external id, and which asset a row changed.
  // Compact (bytes in typed arrays, not a Map entry per key): a job of a million rows holds a
  // million tags, serials and external ids.
  private readonly seenTags = new KeyIndex();
  private readonly seenSerials = new KeyIndex();
  private readonly seenExternalIds = new KeyIndex();
  private readonly touched = new KeyIndex();
  // Entities linked to updated assets, whose stored asset items are rebuilt once, at the end.
  private readonly changedEntityRefs = new Set<string>();
  private readonly isPostgres: boolean;

  constructor(
    private readonly source: MappedSource,
    private readonly options: ImportOptions,
  ) {
    this.isPostgres = options.db.client.config.client === 'pg';
  }

  result(applied: boolean): ImportResult {
    return {
      rowsTotal: this.rowsSeen,
      counts: this.counts,
      errorCount: this.errorCount,
      errors: this.errors,
      outcomes: this.outcomes,
      installations: this.installations,
      applied,
    };
  }

  /**
   * Rebuilds the stored asset items of the entities whose linked assets the job changed: last in
   * the job's transaction, after its row locks (see refreshEntityAssetItems).
   */
  async refreshEntityAssetItems(trx: Knex.Transaction) {
    await refreshEntityAssetItems(trx, this.changedEntityRefs);
  }

  async consume(q: Knex | Knex.Transaction) {
    let chunk: MappedRow[] = [];
    for await (const row of this.source.rows) {
      chunk.push(row);
      if (chunk.length >= IMPORT_CHUNK_SIZE) {
        await this.processChunk(q, chunk);
        chunk = [];
      }
    }
    if (chunk.length > 0) await this.processChunk(q, chunk);
  }

  /** Writes go ahead while no row has been refused; after that the job only reports. */
  private get writing(): boolean {
    return !this.options.dryRun && this.counts.refused === 0;
  }

  private refuse(row: number, problems: { field: string; message: string }[]) {
    this.counts.refused++;
    for (const p of problems) {
      this.errorCount++;
      if (this.errors.length < MAX_STORED_ERRORS) this.errors.push({ row, ...p });
    }
  }

  private outcome(outcome: ImportRowOutcome) {
    this.counts[outcome.action === 'create' ? 'created' : outcome.action === 'update' ? 'updated' : 'unchanged']++;
    if (this.outcomes.length < MAX_STORED_OUTCOMES) this.outcomes.push(outcome);
  }

  private field(path: string): string {
    return path === '' ? 'row' : this.source.fieldName(path);
  }

  private validateRow(row: MappedRow): Candidate | undefined {
    if (row.issues.length > 0) {
      this.refuse(row.row, row.issues);
      return undefined;
    }
    const quick = quickValidateNewAsset(row.input);
    const result = quick ? { ok: true as const, value: quick } : validate(newAssetSchema, row.input);
    if (!result.ok) {
      this.refuse(
        row.row,
        result.issues.map(i => {
          const field = this.field(i.path);
          return { field, message: field === i.path || !i.path.includes('.') ? i.message : `${i.path} ${i.message}` };
        }),
      );
      return undefined;
    }
    const provided = new Set<string>();
    for (const k of Object.keys(row.input)) {
      if (row.input[k] !== undefined && !row.createOnly?.includes(k)) provided.add(k);
    }
    return { row, data: result.value, provided };
  }

  private repeated(path: string, label: string, row: number) {
    return { field: this.field(path), message: `${label} is already in row ${row} of this file` };
  }

  /**
   * Refuses a row that repeats a tag, serial or external id of an earlier row of the file.
   * Messages are only worded for a repeat: this runs once per row of a million-row file.
   */
  private claimKeys(c: Candidate): boolean {
    const { tag, serialNumber, externalIds } = c.data;
    const problems: { field: string; message: string }[] = [];
    let earlier = this.seenTags.get(tag);
    if (earlier !== undefined) problems.push(this.repeated('tag', `tag "${tag}"`, earlier));
    if (serialNumber !== undefined) {
      earlier = this.seenSerials.get(serialNumber);
      if (earlier !== undefined) problems.push(this.repeated('serialNumber', `serial number "${serialNumber}"`, earlier));
    }
    for (const e of externalIds) {
      earlier = this.seenExternalIds.get(extKey(e));
      if (earlier !== undefined) problems.push(this.repeated('externalIds', `external id ${e.source}:${e.sourceId}`, earlier));
    }
    if (problems.length > 0) {
      this.refuse(c.row.row, problems);
      return false;
    }
    this.seenTags.set(tag, c.row.row);
    if (serialNumber) this.seenSerials.set(serialNumber, c.row.row);
    for (const e of externalIds) this.seenExternalIds.set(extKey(e), c.row.row);
    return true;
  }

  /** Owner and custodian refs that are not in the catalogue, checked once per chunk. */
  private async unknownRefs(candidates: Candidate[]): Promise<Set<string>> {
    const refs = [...new Set(candidates.flatMap(c => [c.data.owner, c.data.custodian]).filter((r): r is string => !!r))];
    if (refs.length === 0) return new Set();
    try {
      await this.options.entityRefs.assertExist(refs, 'owner');
      return new Set();
    } catch (e) {
      if (e instanceof UnknownEntityError) return new Set(e.entityRefs);
      throw e;
    }
  }

  private async processChunk(q: Knex | Knex.Transaction, rows: MappedRow[]) {
    this.rowsSeen += rows.length;
    const candidates: Candidate[] = [];
    for (const row of rows) {
      const c = this.validateRow(row);
      if (c && this.claimKeys(c)) candidates.push(c);
    }
    const unknown = await this.unknownRefs(candidates);
    const known = candidates.filter(c => {
      const bad = (['owner', 'custodian'] as const).filter(f => c.data[f] && unknown.has(c.data[f]!));
      if (bad.length > 0) {
        this.refuse(
          c.row.row,
          bad.map(f => ({ field: this.field(f), message: `no catalogue entity "${c.data[f]}" exists` })),
        );
      }
      return bad.length === 0;
    });

    const index = await this.lookUp(q, known);
    const creates: AssetChange[] = [];
    const updates: { asset: Asset; events: AssetChange['event'][]; externalIdsChanged: boolean }[] = [];
    const installs: InstallationBatch[] = [];
    for (const c of known) {
      const decided = this.decide(c, index);
      if (!decided) continue;
      if (decided.create) creates.push(decided.create);
      if (decided.update) updates.push(decided.update);
      if (c.row.installations) {
        this.installations += c.row.installations.items.length;
        installs.push({ assetId: decided.assetId, ...c.row.installations });
      }
    }
    if (this.writing) {
      await writeCreates(q, creates);
      await writeUpdates(q, updates);
      for (const ref of await entityRefsLinkedTo(q, updates.map(u => u.asset.id))) this.changedEntityRefs.add(ref);
      await writeInstallations(q, installs, this.options.at);
    }
    this.options.onProgress?.(this.rowsSeen);
  }

  /**
   * `or column in (values)`. On SQLite the list is one JSON parameter: a statement with hundreds of
   * parameters costs more to prepare than the index lookups it runs.
   */
  private orWhereIn(b: Knex.QueryBuilder, column: string, values: string[]) {
    if (this.options.db.client.config.client !== 'better-sqlite3') b.orWhereIn(column, values);
    else b.orWhereRaw('?? in (select value from json_each(?))', [column, JSON.stringify(values)]);
  }

  /** Loads the assets the chunk's rows may match: by external id, serial and tag. */
  private async lookUp(q: Knex | Knex.Transaction, candidates: Candidate[]) {
    const lock = <T extends Knex.QueryBuilder>(b: T): T =>
      (this.isPostgres && this.writing ? b.forUpdate() : b) as T;
    const pairs = candidates.flatMap(c => c.data.externalIds.map(e => [e.source, e.sourceId]));
    const serials = [...new Set(candidates.map(c => c.data.serialNumber).filter((s): s is string => !!s))];
    const tags = [...new Set(candidates.map(c => c.data.tag))];
    const external = new Map<string, string>();
    if (pairs.length > 0) {
      const rows: { asset_id: string; source: string; source_id: string }[] = await q('itam_asset_external_ids')
        .whereIn(['source', 'source_id'], pairs)
        .select('asset_id', 'source', 'source_id');
      for (const r of rows) external.set(extKey({ source: r.source, sourceId: r.source_id }), r.asset_id);
    }
    const byId = new Map<string, Asset>();
    const bySerial = new Map<string, Asset[]>();
    const byTag = new Map<string, Asset>();
    const load = async (where: (b: Knex.QueryBuilder) => void) => {
      const rows: Pick<AssetRow, 'data'>[] = await lock(q<AssetRow>('itam_assets').where(where).select('data'));
      return rows.map(rowToAsset);
    };
    const ids = [...new Set(external.values())];
    if (ids.length > 0) for (const a of await load(b => b.whereIn('id', ids))) byId.set(a.id, a);
    // Serials and tags in one query: one statement per chunk instead of two.
    if (tags.length > 0 || serials.length > 0) {
      const serialSet = new Set(serials);
      const tagSet = new Set(tags);
      const matches = await load(b => {
        if (tags.length > 0) this.orWhereIn(b, 'tag', tags);
        if (serials.length > 0) this.orWhereIn(b, 'serial_number', serials);
      });
      for (const a of matches) {
        if (a.serialNumber !== undefined && serialSet.has(a.serialNumber)) {
          bySerial.set(a.serialNumber, [...(bySerial.get(a.serialNumber) ?? []), a]);
        }
        if (tagSet.has(a.tag)) byTag.set(a.tag, a);
      }
    }
    return { external, byId, bySerial, byTag };
  }

  private decide(
    c: Candidate,
    index: Awaited<ReturnType<ImportRun['lookUp']>>,
  ):
    | {
        assetId: string;
        create?: AssetChange;
        update?: { asset: Asset; events: AssetChange['event'][]; externalIdsChanged: boolean };
      }
    | undefined {
    const { data, row } = c;
    const refuse = (path: string, message: string) => {
      this.refuse(row.row, [{ field: this.field(path), message }]);
      return undefined;
    };
    const extIds = [...new Set(data.externalIds.map(e => index.external.get(extKey(e))).filter((id): id is string => !!id))];
    if (extIds.length > 1) return refuse('externalIds', 'belong to different assets of the register');
    let match: Asset | undefined;
    let matchedBy = '';
    if (extIds.length === 1) {
      match = index.byId.get(extIds[0]);
      matchedBy = 'external id';
    }
    if (!match && data.serialNumber) {
      const sameSerial = index.bySerial.get(data.serialNumber) ?? [];
      if (sameSerial.length > 1) {
        return refuse(
          'serialNumber',
          `"${data.serialNumber}" is the serial number of ${sameSerial.length} assets (${sameSerial.map(a => a.tag).join(', ')}); give the row their tag or external id`,
        );
      }
      match = sameSerial[0];
      matchedBy = 'serial number';
    }
    const tagOwner = index.byTag.get(data.tag);
    if (!match && c.provided.has('tag')) {
      match = tagOwner;
      matchedBy = 'tag';
    }

    if (!match) {
      if (tagOwner) {
        return refuse('tag', `"${data.tag}" is already the tag of another asset; give the device its own tag`);
      }
      // The stage's requirements, as for an asset created through the API (an owner if deployed...).
      const unmet = checkStageRequirements(data, { at: this.options.at });
      if (unmet.length > 0) return refuse(unmet[0].field ?? 'lifecycleStage', unmet.map(v => v.message).join('; '));
      // Not recorded in `touched`: every key a later row could match it by is already claimed.
      const change = createAsset({ id: this.options.newId(), data, actor: this.options.actor, at: this.options.at });
      this.outcome({ row: row.row, action: 'create', tag: change.asset.tag, assetId: change.asset.id });
      return { assetId: change.asset.id, create: change };
    }

    if (c.provided.has('tag') && tagOwner && tagOwner.id !== match.id) {
      return refuse('tag', `"${data.tag}" is the tag of asset ${tagOwner.id}, but the row's ${matchedBy} matches asset ${match.tag}`);
    }
    const earlier = this.touched.get(match.id);
    if (earlier !== undefined) {
      return refuse(matchedBy === 'tag' ? 'tag' : matchedBy === 'serial number' ? 'serialNumber' : 'externalIds',
        `matches asset ${match.tag}, which row ${earlier} of this file already imports`);
    }
    this.touched.set(match.id, row.row);

    const patch: Record<string, unknown> = {};
    for (const key of c.provided) {
      if (key === 'lifecycleStage' || key === 'externalIds' || key === 'attributes') continue;
      patch[key] = data[key as keyof NewAsset];
    }
    let externalIdsChanged = false;
    if (c.provided.has('externalIds')) {
      const known = new Set(match.externalIds.map(extKey));
      const added = data.externalIds.filter(e => !known.has(extKey(e)));
      if (added.length > 0) {
        patch.externalIds = [...match.externalIds, ...added];
        externalIdsChanged = true;
      }
    }
    if (c.provided.has('attributes')) patch.attributes = { ...match.attributes, ...data.attributes };

    const events: AssetChange['event'][] = [];
    let updated: AssetChange | undefined;
    try {
      updated = updateAsset({ asset: match, patch: patch as AssetPatch, actor: this.options.actor, at: this.options.at });
    } catch (e) {
      // The edit would break what the asset's stage requires (checkStageRequirements).
      if (e instanceof ItamRuleViolationError) return refuse(e.violations[0].field ?? 'row', `asset ${match.tag}: ${e.message}`);
      throw e;
    }
    let current = match;
    if (updated) {
      current = updated.asset;
      events.push(updated.event);
    }
    if (c.provided.has('lifecycleStage') && data.lifecycleStage !== current.lifecycleStage) {
      try {
        const moved = transitionAsset({
          asset: current,
          to: data.lifecycleStage,
          actor: this.options.actor,
          at: this.options.at,
          reason: `Import job ${this.options.jobId}`,
        });
        current = moved.asset;
        events.push(moved.event);
      } catch (e) {
        if (e instanceof ItamRuleViolationError) {
          return refuse('lifecycleStage', `cannot move asset ${match.tag} from ${match.lifecycleStage} to ${data.lifecycleStage}: ${e.message}`);
        }
        throw e;
      }
    }
    if (events.length === 0) {
      this.outcome({ row: row.row, action: 'unchanged', tag: match.tag, assetId: match.id });
      return { assetId: match.id };
    }
    const fields = [...new Set(events.flatMap(e => e.changes.map(ch => ch.field)))];
    this.outcome({ row: row.row, action: 'update', tag: current.tag, assetId: match.id, fields });
    return { assetId: match.id, update: { asset: current, events, externalIdsChanged } };
  }
}
