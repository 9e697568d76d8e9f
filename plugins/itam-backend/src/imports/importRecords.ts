import {
  entitlementSchema,
  softwareProductSchema,
  updateAsset,
  validate,
  addMonthsToDate,
  type Entitlement,
  type ProductInput,
  type StoredEntitlement,
} from '@itam/common';
import type { Knex } from 'knex';
import { rowToAsset } from '../database/rows';
import { entityRefsLinkedTo, refreshEntityAssetItems } from '../database/entityAssetItems';
import { KnexLicenceStore } from '../licences/KnexLicenceStore';
import { UnknownEntityError } from '../service/errors';
import { quote } from './errors';
import { checkVersions, type ImportOptions, type ImportResult, type StagedUpdate } from './importAssets';
import { modelNameKey, modelToRow, type HardwareModel, type HardwareModelRow } from './snipeit/models';
import type { RecordRow, RecordSource } from './snipeit/records';
import { writeUpdates } from './writeBatches';
import { MAX_STORED_ERRORS, MAX_STORED_OUTCOMES, type ImportRowError, type ImportRowOutcome } from './types';
import { isPg } from '../database/engine';

export type { RecordSource } from './snipeit/records';

/** What a row of each kind of file is, in its outcome. */
const RECORD_NAMES: Record<RecordSource['kind'], string> = {
  licenses: 'entitlement',
  models: 'hardware-model',
  users: 'user',
  locations: 'location',
};

/** Catalogue refs checked per call. */
const REF_BATCH = 500;

/** The outcome of an import of records that are not assets. */
class RecordRun {
  readonly counts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  readonly errors: ImportRowError[] = [];
  errorCount = 0;
  readonly warnings: ImportRowError[] = [];
  warningCount = 0;
  readonly outcomes: ImportRowOutcome[] = [];
  readonly records: Record<string, number> = {};
  rows = 0;

  refuse(row: number, problems: { field: string; message: string }[]) {
    this.counts.refused++;
    for (const p of problems) {
      this.errorCount++;
      if (this.errors.length < MAX_STORED_ERRORS) this.errors.push({ row, ...p });
    }
  }

  warn(row: number, warnings: { field: string; message: string }[] | undefined) {
    for (const w of warnings ?? []) {
      this.warningCount++;
      if (this.warnings.length < MAX_STORED_ERRORS) this.warnings.push({ row, ...w });
    }
  }

  constructor(private readonly record: string) {}

  outcome(row: number, action: ImportRowOutcome['action'], tag: string, id: string, fields?: string[]) {
    this.counts[action === 'create' ? 'created' : action === 'update' ? 'updated' : 'unchanged']++;
    if (this.outcomes.length < MAX_STORED_OUTCOMES) {
      this.outcomes.push({ row, action, tag, assetId: id, record: this.record, ...(fields ? { fields } : {}) });
    }
  }

  count(record: string, n = 1) {
    this.records[record] = (this.records[record] ?? 0) + n;
  }

  result(applied: boolean): ImportResult {
    return {
      rowsTotal: this.rows,
      counts: this.counts,
      errorCount: this.errorCount,
      errors: this.errors,
      outcomes: this.outcomes,
      installations: 0,
      applied,
      warningCount: this.warningCount,
      warnings: this.warnings,
      preview: [],
      records: this.records,
    };
  }
}

/** The catalogue users among `refs` (checked in batches, outside any transaction). */
async function knownUsers(options: ImportOptions, refs: string[]): Promise<Set<string>> {
  const unique = [...new Set(refs)];
  const known = new Set<string>();
  for (let i = 0; i < unique.length; i += REF_BATCH) {
    const batch = unique.slice(i, i + REF_BATCH);
    try {
      await options.entityRefs.assertExist(batch, 'people');
      batch.forEach(r => known.add(r));
    } catch (e) {
      if (!(e instanceof UnknownEntityError)) throw e;
      const missing = new Set(e.entityRefs);
      batch.filter(r => !missing.has(r)).forEach(r => known.add(r));
    }
  }
  return known;
}

/** The user a row names, by the people rule; a person the catalogue lacks follows the policy. */
function resolvePerson(run: RecordRun, row: RecordRow, known: Set<string>, options: ImportOptions): string | undefined | false {
  const person = row.people?.[0];
  if (!person) return undefined;
  const ref = person.candidates.find(c => known.has(c));
  if (ref) return ref;
  const who = person.label ?? '';
  const tried = person.candidates.length > 0 ? ` (tried ${person.candidates.join(', ')})` : '';
  const policy = options.unknownPeople ?? 'keep-as-text';
  if (policy === 'refuse') {
    run.refuse(row.row, [{ field: person.column, message: `${quote(who)} is not a user in the catalogue${tried}` }]);
    return false;
  }
  if (policy === 'keep-as-text') {
    (row.warnings ??= []).push({ field: person.column, message: `${quote(who)} is not a user in the catalogue${tried}: no seat is assigned` });
  }
  return undefined;
}

const comparable = (e: Entitlement | StoredEntitlement) => {
  const { revision: _r, createdAt: _c, updatedAt: _u, allocations: _a, downgradeRights: _d, ...rest } = e as StoredEntitlement;
  return JSON.stringify(Object.fromEntries(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b))));
};

/**
 * Imports a file of records other than assets, in the same phases as assets: all rows are read,
 * checked and resolved (catalogue users, what the register holds) with no transaction open;
 * then, when nothing stops the job, they are written in one transaction that only writes.
 * Licences become products, entitlements and user assignments; models become hardware models
 * and give assets of the model without an end of life purchase date + life; users and locations
 * are checked against what the register uses (people come from the catalogue, locations are
 * text on assets) and write nothing.
 */
export async function importRecords(source: RecordSource, options: ImportOptions): Promise<ImportResult> {
  const run = new RecordRun(RECORD_NAMES[source.kind]);
  const rows: RecordRow[] = [];
  for await (const row of source.rows) {
    run.rows++;
    if (row.issues.length > 0) run.refuse(row.row, row.issues);
    else rows.push(row);
  }
  options.onProgress?.(run.rows, 'reading');
  const known = await knownUsers(options, rows.flatMap(r => r.people?.[0]?.candidates ?? []));
  let write: ((trx: Knex.Transaction) => Promise<void>) | undefined;
  if (source.kind === 'licenses') write = await planLicences(run, rows, known, options);
  else if (source.kind === 'models') write = await planModels(run, rows, options);
  else {
    for (const row of rows) {
      if (row.kind === 'user') {
        const ref = resolvePerson(run, row, known, options);
        if (ref === false) continue;
        run.warn(row.row, row.warnings);
        run.outcome(row.row, 'unchanged', row.label ?? '', ref ?? '');
        if (ref) run.count('catalogueUsers');
      } else if (row.kind === 'location') {
        run.outcome(row.row, 'unchanged', row.name ?? '', '');
        run.count('locations');
      }
    }
  }
  const go = write && !options.dryRun && (options.mode === 'valid-rows' || run.counts.refused === 0);
  if (!go || !write) return run.result(false);
  options.onProgress?.(run.rows, 'writing');
  // See importAssets: a write transaction only reads and writes the database. One transaction:
  // record files (licences, models) hold thousands of rows, not the millions of an asset file.
  await options.db.transaction(async trx => {
    await write(trx);
    await options.onCommit?.(trx);
  });
  return run.result(true);
}

async function planLicences(
  run: RecordRun,
  rows: RecordRow[],
  known: Set<string>,
  options: ImportOptions,
): Promise<(trx: Knex.Transaction) => Promise<void>> {
  const store = KnexLicenceStore.create(options.db);
  const products = new Map((await store.listProducts()).map(p => [p.id, p]));
  const entitlements = new Map<string, StoredEntitlement>();
  const wanted = new Set(rows.flatMap(r => (r.kind === 'licence' && r.entitlement ? [r.entitlement.id] : [])));
  for (const e of await store.listEntitlements()) if (wanted.has(e.id)) entitlements.set(e.id, e);
  const assignments = new Set((await store.listAssignments()).map(a => `${a.productId}\u0000${a.userRef}`));
  const newProducts = new Map<string, ProductInput>();
  const writes: { create?: Entitlement; update?: { entitlement: Entitlement; revision: number } }[] = [];
  const newAssignments: { productId: string; userRef: string }[] = [];
  const seenEntitlements = new Set<string>();
  for (const row of rows) {
    if (row.kind !== 'licence' || !row.product || !row.entitlement) continue;
    const product = validate(softwareProductSchema, row.product);
    const entitlement = validate(entitlementSchema, row.entitlement);
    if (!product.ok || !entitlement.ok) {
      const issues = [...(product.ok ? [] : product.issues), ...(entitlement.ok ? [] : entitlement.issues)];
      run.refuse(row.row, issues.map(i => ({ field: i.path || 'row', message: i.message })));
      continue;
    }
    const userRef = resolvePerson(run, row, known, options);
    if (userRef === false) continue;
    run.warn(row.row, row.warnings);
    let action: ImportRowOutcome['action'] = 'unchanged';
    const fields: string[] = [];
    if (!products.has(product.value.id) && !newProducts.has(product.value.id)) {
      newProducts.set(product.value.id, product.value);
      run.count('products');
      fields.push('product');
    }
    const e = entitlement.value;
    if (!seenEntitlements.has(e.id)) {
      seenEntitlements.add(e.id);
      const existing = entitlements.get(e.id);
      if (!existing) {
        writes.push({ create: e });
        action = 'create';
        run.count('entitlements');
      } else if (comparable(existing) !== comparable(e)) {
        const merged: Entitlement = {
          ...e,
          ...(existing.allocations ? { allocations: existing.allocations } : {}),
          ...(existing.downgradeRights !== undefined ? { downgradeRights: existing.downgradeRights } : {}),
        };
        writes.push({ update: { entitlement: merged, revision: existing.revision } });
        action = 'update';
        fields.push('entitlement');
        run.count('entitlements');
      }
    }
    if (userRef) {
      const key = `${product.value.id}\u0000${userRef}`;
      if (!assignments.has(key)) {
        assignments.add(key);
        newAssignments.push({ productId: product.value.id, userRef });
        run.count('assignments');
        if (action === 'unchanged') action = 'update';
        fields.push('assignment');
      }
    }
    run.outcome(row.row, action, `${product.value.name} (${e.quantity ?? 0} seats)`, e.id, action === 'update' ? fields : undefined);
  }
  return async trx => {
    const tx = KnexLicenceStore.create(trx as unknown as Knex);
    const stamp = { actor: options.actor, at: options.at };
    for (const p of newProducts.values()) await tx.createProduct(p, stamp);
    for (const w of writes) {
      if (w.create) await tx.createEntitlement(w.create, stamp);
      else if (w.update) await tx.updateEntitlement(w.update.entitlement, w.update.revision, stamp);
    }
    for (const a of newAssignments) await tx.addAssignment(a, stamp);
  };
}

async function planModels(
  run: RecordRun,
  rows: RecordRow[],
  options: ImportOptions,
): Promise<(trx: Knex.Transaction) => Promise<void>> {
  const existing = new Map<string, HardwareModelRow>(
    ((await options.db('itam_hardware_models').select('*')) as HardwareModelRow[]).map(r => [r.id, r]),
  );
  const upserts: HardwareModelRow[] = [];
  const lives = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (row.kind !== 'model' || !row.model) continue;
    const model: HardwareModel = row.model;
    const earlier = seen.get(model.id);
    if (earlier !== undefined) {
      run.refuse(row.row, [{ field: 'Name', message: `model ${quote(model.name)} is already in row ${earlier} of this file` }]);
      continue;
    }
    seen.set(model.id, row.row);
    if (model.eolMonths !== undefined) lives.set(modelNameKey(model.name), model.eolMonths);
    const before = existing.get(model.id);
    if (before && before.data === JSON.stringify(model)) {
      run.outcome(row.row, 'unchanged', model.name, model.id);
      continue;
    }
    upserts.push(modelToRow(model, { actor: options.actor, at: options.at, createdAt: before?.created_at }));
    run.outcome(row.row, before ? 'update' : 'create', model.name, model.id, before ? ['model'] : undefined);
    run.count('hardwareModels');
  }
  const eolUpdates = await assetsGettingEndOfLife(options, lives);
  if (eolUpdates.length > 0) run.count('assetsEndOfLife', eolUpdates.length);
  return async trx => {
    for (const row of upserts) await trx('itam_hardware_models').insert(row).onConflict('id').merge();
    await checkVersions(trx, eolUpdates);
    await writeUpdates(trx, eolUpdates);
    await refreshEntityAssetItems(trx, await entityRefsLinkedTo(trx, eolUpdates.map(u => u.asset.id)));
    await options.onAssetsWritten?.(trx, eolUpdates.map(u => u.asset.id), eolUpdates.map(u => u.asset));
  };
}

/**
 * Assets of the models with a life that have a purchase date and no end of life: they get
 * purchase date + life (through updateAsset, so history records it).
 */
async function assetsGettingEndOfLife(options: ImportOptions, lives: Map<string, number>) {
  if (lives.size === 0) return [];
  const pg = isPg(options.db);
  const model = pg ? `lower(data::json->'attributes'->>'model')` : `lower(json_extract(data, '$.attributes.model'))`;
  const updates: StagedUpdate[] = [];
  const names = [...lives.keys()];
  for (let i = 0; i < names.length; i += REF_BATCH) {
    const batch = names.slice(i, i + REF_BATCH);
    const rows: { data: string }[] = await options
      .db('itam_assets')
      .whereRaw(`${model} in (${batch.map(() => '?').join(', ')})`, batch)
      .select('data');
    for (const r of rows) {
      const asset = rowToAsset(r);
      const months = lives.get(String(asset.attributes.model ?? '').trim().toLowerCase());
      if (months === undefined || asset.endOfLife || !asset.purchase?.date) continue;
      const endOfLife = addMonthsToDate(asset.purchase.date, months);
      if (!endOfLife) continue;
      const changed = updateAsset({ asset, patch: { endOfLife }, actor: options.actor, at: options.at });
      if (changed) updates.push({ asset: changed.asset, events: [changed.event], externalIdsChanged: false, expectedVersion: asset.version });
    }
  }
  return updates;
}
