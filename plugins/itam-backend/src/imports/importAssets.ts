import {
  checkStageRequirements,
  createAsset,
  externalIdKey,
  importPatch,
  ItamRuleViolationError,
  matchImportRow,
  MAX_PREVIEW_ROWS,
  newAssetSchema,
  transitionAsset,
  updateAsset,
  validate,
  type Asset,
  type AssetChange,
  type ImportMatchIndex,
  type NewAsset,
  type UnknownPeoplePolicy,
} from '@itam/common';
import type { Knex } from 'knex';
import type { EntityRefChecker } from '../service/entityRefs';
import { UnknownEntityError } from '../service/errors';
import { entityRefsLinkedTo, refreshEntityAssetItems } from '../database/entityAssetItems';
import type { AssetWriteListener } from '../database/KnexAssetStore';
import { captureInstallations, captureLinks, commitImport, emptyUndo, rollBackImport, saveUndo } from './importUndo';
import { rowToAsset, type AssetRow } from '../database/rows';
import { quote } from './errors';
import { KeyIndex } from './keyIndex';
import { quickValidateNewAsset } from './quickValidate';
import { StagingFile } from './StagingFile';
import {
  addCreateRows,
  writeAssetLinks,
  writeCreateRows,
  writeInstallations,
  writeUpdates,
  type AssetLinkRow,
  type CreateRows,
  type InstallationBatch,
} from './writeBatches';
import {
  MAX_STORED_ERRORS,
  MAX_STORED_OUTCOMES,
  type ImportCounts,
  type ImportMode,
  type ImportPreviewRow,
  type ImportRowError,
  type ImportRowOutcome,
  type MappedRow,
  type MappedSource,
} from './types';
import { isBetterSqlite, lockedForWrite } from '../database/engine';

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
  /** `atomic` (default): any refused row and nothing is written; `valid-rows`: the valid rows are. */
  mode?: ImportMode;
  /** What to do with a person the catalogue does not know; `keep-as-text` by default. */
  unknownPeople?: UnknownPeoplePolicy;
  /**
   * Called after each chunk read with the number of rows read so far, and in the write phase
   * after each write transaction with the rows written so far (awaited there).
   */
  onProgress?: (rowsDone: number, phase: 'reading' | 'writing') => void | Promise<void>;
  /** Runs in each write (and rollback) transaction for the assets it wrote, before it commits. */
  onAssetsWritten?: AssetWriteListener;
  /** Runs in the transaction that commits the job's writes (e.g. to mark the job committed). */
  onCommit?: (trx: Knex.Transaction) => Promise<void>;
  /** How long one write transaction may run before it ends at a chunk boundary (see IMPORT_WRITE_SLICE_MS). */
  writeSliceMs?: number;
  /** Where the staged changes are kept between reading and writing (the OS temp dir by default). */
  stagingDir?: string;
}

export interface ImportResult {
  rowsTotal: number;
  counts: ImportCounts;
  errorCount: number;
  errors: ImportRowError[];
  outcomes: ImportRowOutcome[];
  installations: number;
  /** Whether the changes were committed (not for a dry run, nor when a refused row stops an atomic job). */
  applied: boolean;
  warningCount: number;
  warnings: ImportRowError[];
  preview: ImportPreviewRow[];
  /** Records other than assets written (or, in a dry run, to write), by kind. */
  records?: Record<string, number>;
}

/** One chunk's decided changes, staged between the read phase and the write phase. */
interface StagedChunk {
  /** New assets as the rows to insert (built once, in the read phase). */
  creates: CreateRows;
  updates: { asset: Asset; events: AssetChange['event'][]; externalIdsChanged: boolean; expectedVersion: number }[];
  installs: InstallationBatch[];
  links: AssetLinkRow[];
}

/**
 * The register changed between the read phase and the write phase (another request wrote an
 * asset the job matched): the job wrote nothing and can simply be run again.
 */
export class ImportRaceError extends Error {
  override readonly name = 'ImportRaceError';
}

interface Candidate {
  row: MappedRow;
  data: NewAsset;
  /** Fields the source provided, applied to an existing asset. */
  provided: Set<string>;
}



/**
 * Imports the rows of a file as one job, in phases:
 *
 * 1. read: the upload is read, mapped and validated row by row; people and owner refs are
 *    resolved with the catalogue, and rows are matched to the register by external id, serial
 *    number, then asset tag (plain reads). Each chunk's decided changes (new assets from
 *    `createAsset`, changed ones from `updateAsset`/`transitionAsset`, so history records the
 *    acting principal) are staged in a temporary file. No transaction is open: on SQLite, whose
 *    one connection every request shares, other requests are served while a slow upload arrives.
 * 2. write: only when the whole file has been read, and (in `atomic` mode) no row was refused,
 *    the staged changes are written in short transactions that only write (see
 *    {@link IMPORT_WRITE_SLICE_MS}), each with its undo record (`importUndo.ts`); the last one
 *    deletes the job's undo records: the job-level commit. Each transaction checks that every
 *    matched asset is still at the version the read phase saw (else {@link ImportRaceError}). When
 *    any of them fails, what the earlier ones wrote is rolled back: the job applies completely or
 *    not at all.
 *
 * A dry run does phase 1 and writes nothing.
 */
export async function importAssets(source: MappedSource, options: ImportOptions): Promise<ImportResult> {
  const staging = options.dryRun ? undefined : await StagingFile.create<StagedChunk>(options.stagingDir);
  try {
    const run = new ImportRun(source, options, staging);
    await run.consume(options.db);
    const write = staging !== undefined && staging.size > 0 && (options.mode === 'valid-rows' || run.counts.refused === 0);
    if (!write) return run.result(false);
    await options.onProgress?.(0, 'writing');
    await writeStaged(staging, options);
    return run.result(true);
  } finally {
    await staging?.dispose();
  }
}

/**
 * A write transaction of an import ends at the first chunk boundary after this many
 * milliseconds, so other requests (on SQLite, all of them: they share one connection) wait at
 * most about this long behind a large import. Each commit costs a sync and a WAL checkpoint: in
 * one (noisy) run of 200k rows, one transaction took 16.5 s, 100 ms slices 20.2 s, 250 ms 17.7 s.
 */
export const IMPORT_WRITE_SLICE_MS = 200;
/** ... or after this many rows, which bounds each undo record. */
export const IMPORT_WRITE_SLICE_ROWS = 10_000;

/** Rows a staged chunk writes. */
const chunkRows = (c: StagedChunk) =>
  c.creates.assets.length + c.updates.length + c.links.length + c.installs.reduce((n, b) => n + b.items.length, 0);

/**
 * Phase 2: the staged changes in short write transactions, rolled back together on failure.
 *
 * The rule for every transaction of the plugin: it only reads and writes the database. No
 * catalogue call, token issue or other network call, and no waiting on an upload, while it is
 * open: on SQLite the plugin has one connection, and a transaction waiting on the network holds
 * every other request (and the plugin's own token signing keys) behind it.
 */
async function writeStaged(staging: StagingFile<StagedChunk>, options: ImportOptions) {
  const { db, jobId, at } = options;
  const sliceMs = options.writeSliceMs ?? IMPORT_WRITE_SLICE_MS;
  const chunks = staging.entries();
  let next = await chunks.next();
  let rowsWritten = 0;
  try {
    while (!next.done) {
      await db.transaction(async trx => {
        const undo = emptyUndo();
        const changedEntityRefs = new Set<string>();
        const written: Asset[] = [];
        const started = performance.now();
        let rows = 0;
        do {
          const chunk: StagedChunk = next.value;
          const before = await checkVersions(trx, chunk.updates);
          for (const u of chunk.updates) {
            undo.updated.push({ before: before.get(u.asset.id)!, writtenVersion: u.asset.version, externalIdsChanged: u.externalIdsChanged });
          }
          for (const a of chunk.creates.assets) undo.created.push(a.id);
          await captureInstallations(trx, chunk.installs, undo);
          await captureLinks(trx, chunk.links, undo);
          await writeCreateRows(trx, chunk.creates);
          await writeUpdates(trx, chunk.updates);
          for (const ref of await entityRefsLinkedTo(trx, chunk.updates.map(u => u.asset.id))) changedEntityRefs.add(ref);
          written.push(...chunk.creates.assets.map(rowToAsset), ...chunk.updates.map(u => u.asset));
          await writeInstallations(trx, chunk.installs, at);
          await writeAssetLinks(trx, chunk.links);
          rows += chunkRows(chunk);
          // The next chunk comes from the local staging file, never from the upload or the network.
          next = await chunks.next();
        } while (!next.done && rows < IMPORT_WRITE_SLICE_ROWS && performance.now() - started < sliceMs);
        // Last, after the row locks the writes took (see refreshEntityAssetItems).
        await refreshEntityAssetItems(trx, changedEntityRefs);
        await options.onAssetsWritten?.(trx, written.map(a => a.id), written);
        if (next.done) {
          await commitImport(trx, jobId);
          await options.onCommit?.(trx);
        } else {
          await saveUndo(trx, jobId, undo, at);
        }
        rowsWritten += rows;
      });
      await options.onProgress?.(rowsWritten, 'writing');
    }
  } catch (error) {
    throw await rolledBack(db, jobId, error, options.onAssetsWritten);
  } finally {
    await chunks.return(undefined);
  }
}

/**
 * Takes back what a failed job wrote and returns the error to answer with. When the rollback
 * itself fails (the database went away), the undo records stay and the job is rolled back when
 * its lease expires (see ImportJobStore.failAbandoned).
 */
async function rolledBack(db: Knex, jobId: string, error: unknown, assetsWritten?: AssetWriteListener): Promise<unknown> {
  let kept: string[];
  try {
    kept = (await rollBackImport(db, jobId, assetsWritten)).kept;
  } catch {
    return error;
  }
  if (!(error instanceof ImportRaceError) || kept.length === 0) return error;
  return new ImportRaceError(
    `${error.message} (assets ${kept.slice(0, 20).join(', ')}${kept.length > 20 ? ', ...' : ''} were changed by other requests after the import wrote them, and keep those changes)`,
  );
}

/** An update of an asset, with the version the read phase saw. */
export type StagedUpdate = StagedChunk['updates'][number];

/**
 * Refuses the write when an asset the read phase matched has changed since; returns the assets
 * as they are (locked on PostgreSQL until the transaction ends).
 */
export async function checkVersions(trx: Knex.Transaction, updates: StagedUpdate[]): Promise<Map<string, Asset>> {
  const current = new Map<string, Asset>();
  if (updates.length === 0) return current;
  const expected = new Map(updates.map(u => [u.asset.id, u.expectedVersion]));
  const query = trx('itam_assets').whereIn('id', [...expected.keys()]).select('id', 'tag', 'version', 'data');
  const rows: { id: string; tag: string; version: number; data: AssetRow['data'] }[] =
    await lockedForWrite(trx, query);
  const found = new Map(rows.map(r => [r.id, r]));
  for (const [id, version] of expected) {
    const row = found.get(id);
    if (!row || Number(row.version) !== version) {
      throw new ImportRaceError(
        `asset ${row?.tag ?? id} was changed by another request while the file was read; nothing was written, run the import again`,
      );
    }
    current.set(id, rowToAsset(row));
  }
  return current;
}

class ImportRun {
  readonly counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  private errors: ImportRowError[] = [];
  private errorCount = 0;
  private outcomes: ImportRowOutcome[] = [];
  private installations = 0;
  private warningCount = 0;
  private warnings: ImportRowError[] = [];
  private preview: ImportPreviewRow[] = [];
  rowsRead = 0;
  // Per-job indexes: which row used a tag, serial or external id, and which asset a row changed.
  // Compact (bytes in typed arrays, not a Map entry per key): a job of a million rows holds a
  // million tags, serials and external ids.
  private readonly seenTags = new KeyIndex();
  private readonly seenSerials = new KeyIndex();
  private readonly seenExternalIds = new KeyIndex();
  private readonly touched = new KeyIndex();
  // Assets of rows that other rows link to (GLPI peripherals and VMs to their computer): few.
  private readonly keyedAssets = new Map<string, string>();

  constructor(
    private readonly source: MappedSource,
    private readonly options: ImportOptions,
    private readonly staging: StagingFile<StagedChunk> | undefined,
  ) {}

  result(applied: boolean): ImportResult {
    return {
      rowsTotal: this.rowsRead,
      counts: this.counts,
      errorCount: this.errorCount,
      errors: this.errors,
      outcomes: this.outcomes,
      installations: this.installations,
      applied,
      warningCount: this.warningCount,
      warnings: this.warnings,
      preview: this.preview,
    };
  }

  async consume(q: Knex) {
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

  /** Changes are staged while they may be written: a refused row ends that for an atomic job. */
  private get staging_(): StagingFile<StagedChunk> | undefined {
    return this.options.mode === 'valid-rows' || this.counts.refused === 0 ? this.staging : undefined;
  }

  private warn(row: number, warnings: { field: string; message: string }[]) {
    for (const w of warnings) {
      this.warningCount++;
      if (this.warnings.length < MAX_STORED_ERRORS) this.warnings.push({ row, ...w });
    }
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
   * Refuses a row that repeats a tag or external id of an earlier row of the file (and warns of a
   * repeated serial).
   * Messages are only worded for a repeat: this runs once per row of a million-row file.
   */
  private claimKeys(c: Candidate): boolean {
    const { tag, serialNumber, externalIds } = c.data;
    const problems: { field: string; message: string }[] = [];
    let earlier = this.seenTags.get(tag);
    if (earlier !== undefined) problems.push(this.repeated('tag', `tag "${tag}"`, earlier));
    // A repeated serial is worth a warning, not a refusal: the register allows two assets one
    // serial (its own export then has both), and each row's tag tells them apart.
    const serialEarlier = serialNumber !== undefined ? this.seenSerials.get(serialNumber) : undefined;
    for (const e of externalIds) {
      earlier = this.seenExternalIds.get(externalIdKey(e));
      if (earlier !== undefined) problems.push(this.repeated('externalIds', `external id ${e.source}:${e.sourceId}`, earlier));
    }
    if (problems.length > 0) {
      this.refuse(c.row.row, problems);
      return false;
    }
    if (serialEarlier !== undefined) {
      (c.row.warnings ??= []).push({ field: this.field('serialNumber'), message: `serial number ${quote(serialNumber!)} is also in row ${serialEarlier} of this file` });
    }
    this.seenTags.set(tag, c.row.row);
    if (serialNumber && serialEarlier === undefined) this.seenSerials.set(serialNumber, c.row.row);
    for (const e of externalIds) this.seenExternalIds.set(externalIdKey(e), c.row.row);
    return true;
  }

  /** Of `refs`, those the catalogue does not hold: one catalogue call for a chunk's refs. */
  private async missingRefs(refs: Iterable<string>, field: string): Promise<Set<string>> {
    const unique = [...new Set(refs)];
    if (unique.length === 0) return new Set();
    try {
      await this.options.entityRefs.assertExist(unique, field);
      return new Set();
    } catch (e) {
      if (e instanceof UnknownEntityError) return new Set(e.entityRefs);
      throw e;
    }
  }

  /**
   * Sets each person a row names to the first of their candidate users the catalogue holds; a
   * person it does not hold follows the unknown-people policy.
   */
  private async resolvePeople(rows: MappedRow[]): Promise<Set<string>> {
    const withPeople = rows.filter(r => r.people && r.people.length > 0 && r.issues.length === 0);
    const candidates = withPeople.flatMap(r => r.people!.flatMap(p => p.candidates));
    const missing = await this.missingRefs(candidates, 'people');
    const known = new Set(candidates.filter(c => !missing.has(c)));
    const policy = this.options.unknownPeople ?? 'keep-as-text';
    for (const row of withPeople) {
      for (const person of row.people!) {
        const ref = person.candidates.find(c => known.has(c));
        if (ref) {
          row.input[person.field] = ref;
          if (person.field === 'owner' && row.deployWithOwner) row.input.lifecycleStage = 'deployed';
          continue;
        }
        const who = person.label ?? person.candidates[0]?.slice('user:default/'.length) ?? '';
        const tried = person.candidates.length > 0 ? ` (tried ${person.candidates.join(', ')})` : '';
        if (policy === 'refuse') {
          row.issues.push({ field: person.column, message: `${quote(who)} is not a user in the catalogue${tried}` });
        } else if (policy === 'keep-as-text') {
          const attributes = (row.input.attributes ??= {}) as Record<string, unknown>;
          attributes.custodianName = who.slice(0, 200);
          (row.warnings ??= []).push({
            field: person.column,
            message: `${quote(who)} is not a user in the catalogue${tried}: kept as text in the attribute custodianName`,
          });
        }
      }
    }
    return known;
  }

  private async processChunk(q: Knex, rows: MappedRow[]) {
    this.rowsRead += rows.length;
    const knownPeople = await this.resolvePeople(rows);
    const candidates: Candidate[] = [];
    for (const row of rows) {
      const c = this.validateRow(row);
      if (c && this.claimKeys(c)) candidates.push(c);
    }
    const unknown = await this.missingRefs(
      candidates.flatMap(c => [c.data.owner, c.data.custodian]).filter((r): r is string => !!r && !knownPeople.has(r)),
      'owner',
    );
    const known = candidates.filter(c => {
      const bad = (['owner', 'custodian'] as const).filter(f => c.data[f] && unknown.has(c.data[f]!));
      if (bad.length > 0) {
        this.refuse(
          c.row.row,
          bad.map(f => ({ field: this.field(f), message: `no catalogue entity ${quote(c.data[f]!)} exists` })),
        );
      }
      return bad.length === 0;
    });

    const index = await this.lookUp(q, known);
    const chunk: StagedChunk = { creates: { assets: [], history: [], externalIds: [] }, updates: [], installs: [], links: [] };
    const decidedRows: { row: MappedRow; assetId: string }[] = [];
    for (const c of known) {
      const decided = this.decide(c, index);
      if (!decided) continue;
      if (c.row.warnings) this.warn(c.row.row, c.row.warnings);
      if (decided.create) addCreateRows(chunk.creates, decided.create);
      if (decided.update) chunk.updates.push(decided.update);
      if (c.row.installations) {
        this.installations += c.row.installations.items.length;
        chunk.installs.push({ assetId: decided.assetId, ...c.row.installations });
      }
      if (c.row.key) this.keyedAssets.set(c.row.key, decided.assetId);
      if (c.row.links) decidedRows.push({ row: c.row, assetId: decided.assetId });
      if (this.preview.length < MAX_PREVIEW_ROWS) {
        const asset = decided.create?.asset ?? decided.update?.asset ?? decided.unchanged;
        if (asset) this.preview.push({ row: c.row.row, values: previewValues(asset) });
      }
    }
    for (const { row, assetId } of decidedRows) {
      for (const link of row.links!) {
        const other = this.keyedAssets.get(link.to);
        if (!other) continue;
        const [from, to] = link.reverse ? [other, assetId] : [assetId, other];
        chunk.links.push({
          source_asset_id: from,
          type: link.type,
          target_asset_id: to,
          created_by: this.options.actor,
          created_at: this.options.at,
        });
      }
    }
    if (this.staging_ && !this.options.dryRun) await this.staging_.append(chunk, rows.length);
    this.options.onProgress?.(this.rowsRead, 'reading');
  }

  /**
   * `or column in (values)`. On SQLite the list is one JSON parameter: a statement with hundreds of
   * parameters costs more to prepare than the index lookups it runs.
   */
  private orWhereIn(b: Knex.QueryBuilder, column: string, values: string[]) {
    if (!isBetterSqlite(this.options.db)) b.orWhereIn(column, values);
    else b.orWhereRaw('?? in (select value from json_each(?))', [column, JSON.stringify(values)]);
  }

  /** Loads the assets the chunk's rows may match: by external id, serial and tag. */
  private async lookUp(q: Knex, candidates: Candidate[]): Promise<ImportMatchIndex> {
    const pairs = candidates.flatMap(c => c.data.externalIds.map(e => [e.source, e.sourceId]));
    const serials = [...new Set(candidates.map(c => c.data.serialNumber).filter((s): s is string => !!s))];
    const tags = [...new Set(candidates.map(c => c.data.tag))];
    const external = new Map<string, string>();
    if (pairs.length > 0) {
      const rows: { asset_id: string; source: string; source_id: string }[] = await q('itam_asset_external_ids')
        .whereIn(['source', 'source_id'], pairs)
        .select('asset_id', 'source', 'source_id');
      for (const r of rows) external.set(externalIdKey({ source: r.source, sourceId: r.source_id }), r.asset_id);
    }
    const byId = new Map<string, Asset>();
    const bySerial = new Map<string, Asset[]>();
    const byTag = new Map<string, Asset>();
    const load = async (where: (b: Knex.QueryBuilder) => void) => {
      const rows: Pick<AssetRow, 'data'>[] = await q<AssetRow>('itam_assets').where(where).select('data');
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
    return { assetIdByExternalId: external, byId, bySerial, byTag };
  }

  /**
   * What a row does to the register: matched by the common rule (matchImportRow), a new asset
   * meeting its stage's requirements, or an edit and transition of the asset it matched (one
   * row per asset in a file).
   */
  private decide(
    c: Candidate,
    index: ImportMatchIndex,
  ):
    | {
        assetId: string;
        create?: AssetChange;
        update?: StagedChunk['updates'][number];
        unchanged?: Asset;
      }
    | undefined {
    const { data, row } = c;
    const refuse = (path: string, message: string) => {
      this.refuse(row.row, [{ field: this.field(path), message }]);
      return undefined;
    };
    const matched = matchImportRow({ asset: data, tagGiven: c.provided.has('tag') }, index);
    if (matched.kind === 'refused') return refuse(matched.field, matched.message);
    if (matched.kind === 'new') {
      // The stage's requirements, as for an asset created through the API (an owner if deployed...).
      const unmet = checkStageRequirements(data, { at: this.options.at });
      if (unmet.length > 0) return refuse(unmet[0].field ?? 'lifecycleStage', unmet.map(v => v.message).join('; '));
      // Not recorded in `touched`: every key a later row could match it by is already claimed.
      const change = createAsset({ id: this.options.newId(), data, actor: this.options.actor, at: this.options.at });
      this.outcome({ row: row.row, action: 'create', tag: change.asset.tag, assetId: change.asset.id });
      return { assetId: change.asset.id, create: change };
    }
    const match = matched.asset;
    const earlier = this.touched.get(match.id);
    if (earlier !== undefined) return refuse(matched.matchedBy, `matches asset ${match.tag}, which row ${earlier} of this file already imports`);
    this.touched.set(match.id, row.row);
    const { patch, externalIdsChanged } = importPatch(match, data, c.provided);

    const events: AssetChange['event'][] = [];
    let updated: AssetChange | undefined;
    try {
      updated = updateAsset({ asset: match, patch, actor: this.options.actor, at: this.options.at });
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
      return { assetId: match.id, unchanged: match };
    }
    const fields = [...new Set(events.flatMap(e => e.changes.map(ch => ch.field)))];
    this.outcome({ row: row.row, action: 'update', tag: current.tag, assetId: match.id, fields });
    return { assetId: match.id, update: { asset: current, events, externalIdsChanged, expectedVersion: match.version } };
  }
}

/** An asset as the preview shows it: the fields a person checks, flattened. */
function previewValues(asset: Asset): ImportPreviewRow['values'] {
  const values: ImportPreviewRow['values'] = {
    tag: asset.tag,
    name: asset.name,
    assetClass: asset.assetClass,
    type: asset.type,
    lifecycleStage: asset.lifecycleStage,
  };
  const put = (key: string, value: string | number | boolean | null | undefined) => {
    if (value !== undefined && value !== null) values[key] = typeof value === 'string' ? value.slice(0, 200) : value;
  };
  put('serialNumber', asset.serialNumber);
  put('owner', asset.owner);
  put('custodian', asset.custodian);
  put('location', asset.location);
  put('purchase.date', asset.purchase?.date);
  put('purchase.cost', asset.purchase?.cost);
  put('purchase.currency', asset.purchase?.currency);
  put('warrantyEnd', asset.warrantyEnd);
  put('endOfLife', asset.endOfLife);
  for (const [k, v] of Object.entries(asset.attributes).slice(0, 10)) put(`attributes.${k}`, v);
  return values;
}
