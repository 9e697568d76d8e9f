import {
  isDatabaseConflictError,
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type {
  Asset,
  AssetChange,
  AssetListQuery,
  EntityAsset,
  EntityLink,
  HistoryEvent,
  Page,
  TicketLink,
} from '@itam/common';
import type { Knex } from 'knex';
import { whereAssetCriteria } from '../permissions/assetCriteria';
import type { AssetStore, AssetVisibility, EntityAssetPosition, Stamp, StoredAssetLink, StoredTicketLink } from './AssetStore';
import {
  assetToRow,
  decodeCursor,
  encodeCursor,
  eventToRow,
  rowToAsset,
  rowToEvent,
  type AssetRow,
  type HistoryRow,
} from './rows';
import { entityRefsLinkedTo, readEntityAssetItems, refreshEntityAssetItems } from './entityAssetItems';
import { isBetterSqlite, isPg, lockedForWrite, rawRows } from './engine';
import { pgRows, pgStatementName, sqliteAll, tuneSqliteConnections } from './sqliteReads';

/**
 * Work done inside a transaction that wrote these assets, before it commits. A writer that holds
 * the assets as written (locked or new in the transaction) passes them, sparing a read.
 */
export type AssetWriteListener = (trx: Knex.Transaction, assetIds: readonly string[], written?: readonly Asset[]) => Promise<unknown>;

const migrationsDir = resolvePackagePath('@itam/backstage-plugin-itam-backend', 'migrations');

/** Default and largest page sizes of the register list. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
const EXPORT_BATCH = 1000;
/** Ids read per statement by the bulk reads by id. */
const ID_LIST_BATCH = 1000;

/**
 * Runs the plugin's migrations (the `migrations/` folder shipped with the package).
 *
 * @public
 */
export async function migrateItamDatabase(knex: Knex): Promise<void> {
  // Instances started together on a fresh database race to create knex's migration tables, and
  // the one that loses fails; so does one that finds another's migration lock. Both pass once the
  // other instance is done, so they are retried.
  for (let attempt = 1; ; attempt++) {
    try {
      await knex.migrate.latest({ directory: migrationsDir, tableName: 'itam_knex_migrations' });
      return;
    } catch (error) {
      if (attempt >= 10 || !isConcurrentMigration(error)) throw error;
      await new Promise(resolve => setTimeout(resolve, 250 * attempt));
    }
  }
}

function isConcurrentMigration(error: unknown): boolean {
  const e = error as { name?: string; code?: string; message?: string };
  return (
    e?.name === 'MigrationLocked' ||
    e?.code === '23505' || // unique_violation (pg_type of a table created at the same moment)
    e?.code === '42P07' || // duplicate_table
    /already exists|already locked/i.test(e?.message ?? '')
  );
}

/**
 * The asset register on knex: SQLite (better-sqlite3) or PostgreSQL.
 *
 * @public
 */
export class KnexAssetStore implements AssetStore {
  /**
   * Connects through the database service, migrating unless `migrations.skip` is set.
   * `sqliteMmapSize`: bytes of an SQLite file each connection maps for hot reads
   * (default {@link DEFAULT_SQLITE_MMAP_SIZE}, 0 for none); ignored on PostgreSQL.
   */
  static async create(options: { database: DatabaseService; sqliteMmapSize?: number }): Promise<KnexAssetStore> {
    const knex = await options.database.getClient();
    tuneSqliteConnections(knex, { mmapSize: options.sqliteMmapSize });
    if (!options.database.migrations?.skip) await migrateItamDatabase(knex);
    return new KnexAssetStore(knex);
  }

  /** Wraps an already migrated knex instance (tests, benchmarks, imports). */
  static fromKnex(knex: Knex): KnexAssetStore {
    return new KnexAssetStore(knex);
  }

  private constructor(private readonly db: Knex) {}

  /** Runs inside each transaction that writes assets (see {@link KnexAssetStore.setAssetWriteListener}). */
  private assetWriteListener?: AssetWriteListener;

  /**
   * Sets what runs inside every transaction that creates or changes assets, after the writes and
   * before the commit (the risk findings of those assets are refreshed this way). Replaces the
   * listener set before. Imports write assets without the store and call it themselves.
   */
  setAssetWriteListener(listener: AssetWriteListener | undefined): void {
    this.assetWriteListener = listener;
  }

  /** The listener set, for writers that write assets without the store (imports). */
  get assetsWritten(): AssetWriteListener | undefined {
    return this.assetWriteListener;
  }

  /**
   * Refreshes the query planner's statistics. Without them SQLite picks the index that serves the
   * sort over the one that serves a selective filter (30x slower register pages at 10k assets).
   * Cheap when nothing changed: SQLite's `PRAGMA optimize` only analyses stale tables.
   *
   * On PostgreSQL it also vacuums: after a bulk load (a restore, a migration from another tool),
   * until autovacuum gets there, every read checks each row's transaction and visits the heap
   * even for an index-only scan; an entity lookup at a million assets took 1.9 ms instead of
   * 0.8 ms. Vacuum skips pages already marked all-visible, so it is cheap when nothing changed.
   */
  async refreshStatistics(): Promise<void> {
    if (isPg(this.db)) {
      // The risk findings too: a first evaluation writes a million rows the planner has never
      // counted (it then sorted every finding for a page: 435 ms p50 at 1M assets), and a
      // vacuum lets an owner's counts come from the index alone.
      await this.db.raw(
        'vacuum (analyze) itam_assets, itam_entity_links, itam_entity_asset_items, itam_asset_links, itam_ticket_links, ' +
          'itam_risk_findings, itam_audit_observations, itam_licence_positions',
      );
    } else {
      await this.db.raw('PRAGMA optimize=0x10002');
    }
  }

  /** The knex instance, for stores of other features that share the plugin's database. */
  get knex(): Knex {
    return this.db;
  }

  async listAssets(query: AssetListQuery, visible?: AssetVisibility): Promise<Page<Asset>> {
    const page = await this.listAssetsJson(query, visible);
    return { ...page, items: page.items.map(data => rowToAsset({ data })) };
  }

  async listAssetsJson(query: AssetListQuery, visible?: AssetVisibility): Promise<Page<string>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    let builder = this.filtered(query, visible).select('a.data', 'a.tag').orderBy('a.tag').limit(limit + 1);
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      if (after === undefined) throw new InputError('cursor is not a cursor this API returned');
      builder = builder.where('a.tag', '>', after);
    }
    // One prepared statement per combination of filters, reused (see sqliteAll and pgRows).
    let rows: [data: string, tag: string][];
    if (isBetterSqlite(this.db)) {
      const compiled = builder.toSQL();
      rows = (await sqliteAll<Pick<AssetRow, 'data' | 'tag'>>(this.db, compiled.sql, compiled.bindings)).map(r => [r.data, r.tag]);
    } else if (isPg(this.db)) {
      const compiled = builder.toSQL().toNative();
      rows = await pgRows(this.db, pgStatementName('itam_asset_page', compiled.sql), compiled.sql, compiled.bindings);
    } else {
      rows = (await builder).map((r: Pick<AssetRow, 'data' | 'tag'>) => [r.data, r.tag]);
    }
    const page = rows.slice(0, limit);
    return {
      items: page.map(r => r[0]),
      ...(rows.length > limit ? { nextCursor: encodeCursor(page[page.length - 1][1]) } : {}),
    };
  }

  async *streamAssets(query: Omit<AssetListQuery, 'cursor' | 'limit'>, visible?: AssetVisibility): AsyncIterable<Asset[]> {
    let after: string | undefined;
    for (;;) {
      let builder = this.filtered(query, visible).select('a.data', 'a.tag').orderBy('a.tag').limit(EXPORT_BATCH);
      if (after !== undefined) builder = builder.where('a.tag', '>', after);
      const rows: Pick<AssetRow, 'data' | 'tag'>[] = await builder;
      if (rows.length === 0) return;
      yield rows.map(rowToAsset);
      if (rows.length < EXPORT_BATCH) return;
      after = rows[rows.length - 1].tag;
    }
  }

  async visibleAssetIds(ids: readonly string[], visible: AssetVisibility): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const builder = this.db('itam_assets as a').select('a.id').whereIn('a.id', ids.slice(i, i + 500));
      if (visible) whereAssetCriteria(builder, visible);
      for (const row of await builder) found.add(row.id);
    }
    return found;
  }

  private filtered(query: Omit<AssetListQuery, 'cursor' | 'limit'>, visible?: AssetVisibility) {
    const onlyText = query.q && !query.id && !query.assetClass && !query.type && !query.lifecycleStage && !query.owner && !query.entityRef;
    // A text search alone walks the tags with their search text beside them (see
    // migrations/20261219_assetSearchIndex.js): SQLite's planner would take the tag's own index,
    // which holds no search text, and read every row to test it.
    const builder =
      onlyText && isBetterSqlite(this.db)
        ? this.db<AssetRow>(this.db.raw('?? as a indexed by itam_assets_tag_search_idx', ['itam_assets']))
        : this.db<AssetRow>('itam_assets as a');
    // The policy's conditions are part of the query: pages hold only what the caller may see.
    if (visible) whereAssetCriteria(builder, visible);
    // One statement shape whatever the number of ids, so the prepared-statement caches (see
    // sqliteReads.ts) hold one entry rather than one per count.
    if (query.id) {
      if (isPg(this.db)) builder.whereRaw('a.id = any(?)', [[...query.id]]);
      else builder.whereRaw('a.id in (select value from json_each(?))', [JSON.stringify(query.id)]);
    }
    if (query.assetClass) builder.where('a.asset_class', query.assetClass);
    if (query.type) builder.where('a.type', query.type);
    if (query.lifecycleStage) builder.where('a.lifecycle_stage', query.lifecycleStage);
    if (query.owner) builder.where('a.owner', query.owner);
    if (query.entityRef) {
      builder.whereIn(
        'a.id',
        this.db('itam_entity_links').select('asset_id').where('entity_ref', query.entityRef),
      );
    }
    if (query.q) {
      const needle = query.q.toLowerCase().replace(/[\\%_]/g, c => `\\${c}`);
      builder.whereRaw(`a.search_text like ? escape '\\'`, [`%${needle}%`]);
    }
    return builder;
  }

  async getAsset(idOrTag: string): Promise<Asset | undefined> {
    const row =
      (await this.db<AssetRow>('itam_assets').where('id', idOrTag).select('data').first()) ??
      (await this.db<AssetRow>('itam_assets').where('tag', idOrTag).select('data').first());
    return row ? rowToAsset(row) : undefined;
  }

  async findAssetIds(idsOrTags: readonly string[]): Promise<Map<string, string>> {
    const names = [...new Set(idsOrTags)];
    const byId = new Set<string>();
    const byTag = new Map<string, string>();
    for (let i = 0; i < names.length; i += 500) {
      const batch = names.slice(i, i + 500);
      const rows: { id: string; tag: string }[] = await this.db('itam_assets')
        .whereIn('id', batch)
        .orWhereIn('tag', batch)
        .select('id', 'tag');
      for (const r of rows) {
        byId.add(r.id);
        byTag.set(r.tag, r.id);
      }
    }
    const found = new Map<string, string>();
    for (const name of names) {
      const id = byId.has(name) ? name : byTag.get(name);
      if (id !== undefined) found.set(name, id);
    }
    return found;
  }

  async createAsset(change: AssetChange): Promise<Asset> {
    // Database work only: no catalogue call or token issue inside (see imports/importAssets.ts).
    await this.db.transaction(async trx => {
      await this.writeUniquely(change.asset, () => trx('itam_assets').insert(assetToRow(change.asset)));
      await this.writeUniquely(change.asset, () => this.insertExternalIds(trx, change.asset));
      await trx('itam_asset_history').insert(eventToRow(change.event));
      await this.assetWriteListener?.(trx, [change.asset.id], [change.asset]);
    });
    return change.asset;
  }

  async mutateAsset(
    id: string,
    expectedVersion: number,
    mutate: (asset: Asset) => AssetChange | undefined,
  ): Promise<Asset> {
    // Database work only: no catalogue call or token issue inside (see imports/importAssets.ts).
    return this.db.transaction(async trx => {
      const query = trx<AssetRow>('itam_assets').where('id', id).select('data').first();
      // Row lock on PostgreSQL; SQLite serialises writers anyway (and knex warns on forUpdate).
      const row = await lockedForWrite(this.db, query);
      if (!row) throw new NotFoundError(`No asset with id ${id}`);
      const current = rowToAsset(row);
      if (current.version !== expectedVersion) {
        throw new ConflictError(
          `Asset ${current.tag} is at version ${current.version}, not ${expectedVersion}: someone changed it; reload and retry`,
        );
      }
      const change = mutate(current);
      if (!change) return current;
      const updated = await this.writeUniquely(change.asset, () =>
        trx('itam_assets')
          .where({ id, version: expectedVersion })
          .update(assetToRow(change.asset)),
      );
      if (updated !== 1) {
        throw new ConflictError(`Asset ${current.tag} was changed concurrently; reload and retry`);
      }
      if (JSON.stringify(current.externalIds) !== JSON.stringify(change.asset.externalIds)) {
        await trx('itam_asset_external_ids').where('asset_id', id).delete();
        await this.writeUniquely(change.asset, () => this.insertExternalIds(trx, change.asset));
      }
      await trx('itam_asset_history').insert(eventToRow(change.event));
      await refreshEntityAssetItems(trx, await entityRefsLinkedTo(trx, [id]));
      await this.assetWriteListener?.(trx, [id], [change.asset]);
      return change.asset;
    });
  }

  private async insertExternalIds(trx: Knex.Transaction, asset: Asset) {
    if (asset.externalIds.length === 0) return;
    await trx('itam_asset_external_ids').insert(
      asset.externalIds.map(e => ({ asset_id: asset.id, source: e.source, source_id: e.sourceId })),
    );
  }

  /** Turns a unique-constraint failure into a 409 that says which value is taken. */
  private async writeUniquely<T>(asset: Asset, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (isDatabaseConflictError(e)) {
        const ids = asset.externalIds.map(x => `${x.source}:${x.sourceId}`).join(', ');
        throw new ConflictError(
          `An asset with tag ${asset.tag}${ids ? ` or external id ${ids}` : ''} already exists`,
        );
      }
      throw e;
    }
  }

  async getHistory(assetId: string): Promise<HistoryEvent[]> {
    const rows: HistoryRow[] = await this.db('itam_asset_history')
      .where('asset_id', assetId)
      .orderBy('version');
    return rows.map(rowToEvent);
  }

  async getHistoryPage(assetId: string, page: { afterVersion?: number; limit: number }) {
    const query = this.db('itam_asset_history')
      .where('asset_id', assetId)
      .orderBy('version')
      .limit(page.limit + 1);
    if (page.afterVersion !== undefined) query.where('version', '>', page.afterVersion);
    const rows: HistoryRow[] = await query;
    return { items: rows.slice(0, page.limit).map(rowToEvent), hasMore: rows.length > page.limit };
  }

  async listEntityLinks(assetId: string): Promise<EntityLink[]> {
    const rows = await this.db('itam_entity_links')
      .where('asset_id', assetId)
      .orderBy(['entity_ref', 'role']);
    return rows.map(r => ({ entityRef: r.entity_ref, role: r.role }));
  }

  async listEntityLinksOf(assetIds: string[]): Promise<Map<string, EntityLink[]>> {
    const links = new Map<string, EntityLink[]>(assetIds.map(id => [id, []]));
    if (assetIds.length === 0) return links;
    const rows = await this.db('itam_entity_links')
      .whereIn('asset_id', assetIds)
      .orderBy(['asset_id', 'entity_ref', 'role']);
    for (const r of rows) links.get(r.asset_id)?.push({ entityRef: r.entity_ref, role: r.role });
    return links;
  }

  async addEntityLink(assetId: string, link: EntityLink, stamp: Stamp): Promise<boolean> {
    // Database work only: no catalogue call or token issue inside (see imports/importAssets.ts).
    return this.db.transaction(async trx => {
      const rows = await trx('itam_entity_links')
        .insert({
          asset_id: assetId,
          entity_ref: link.entityRef,
          role: link.role,
          created_by: stamp.actor,
          created_at: stamp.at,
        })
        .onConflict(['asset_id', 'entity_ref', 'role'])
        .ignore()
        .returning('asset_id');
      if (rows.length > 0) await refreshEntityAssetItems(trx, [link.entityRef]);
      return rows.length > 0;
    });
  }

  async removeEntityLink(assetId: string, link: EntityLink): Promise<boolean> {
    // Database work only: no catalogue call or token issue inside (see imports/importAssets.ts).
    return this.db.transaction(async trx => {
      const n = await trx('itam_entity_links')
        .where({ asset_id: assetId, entity_ref: link.entityRef, role: link.role })
        .delete();
      if (n > 0) await refreshEntityAssetItems(trx, [link.entityRef]);
      return n > 0;
    });
  }

  async getEntityAssets(entityRef: string): Promise<EntityAsset[]> {
    return JSON.parse(`[${(await this.getEntityAssetItemsJson(entityRef)).items}]`) as EntityAsset[];
  }

  async listEntityAssetIds(entityRef: string): Promise<string[]> {
    const rows: { asset_id: string }[] = await this.db('itam_entity_links').where('entity_ref', entityRef).distinct('asset_id');
    return rows.map(r => r.asset_id);
  }

  async getEntityAssetItemsJson(entityRef: string): Promise<{ items: string; count: number }> {
    return readEntityAssetItems(this.db, entityRef);
  }

  async getEntityAssetItemsPage(
    entityRef: string,
    page: { after?: EntityAssetPosition; limit: number; visible?: AssetVisibility },
  ): Promise<{ items: string[]; last?: EntityAssetPosition; hasMore: boolean }> {
    // The stored items hold every asset of the entity in one row; a page of a long list, or of
    // the assets a restricted caller may see, is built from the links in the same order.
    const builder = this.db('itam_entity_links as l')
      .join('itam_assets as a', 'a.id', 'l.asset_id')
      .where('l.entity_ref', entityRef)
      .select('a.data', 'a.tag', 'l.role')
      .orderBy([{ column: 'a.tag' }, { column: 'l.role' }])
      .limit(page.limit + 1);
    if (page.after) builder.whereRaw('(a.tag, l.role) > (?, ?)', [page.after.tag, page.after.role]);
    if (page.visible) whereAssetCriteria(builder, page.visible);
    const rows: { data: string; tag: string; role: string }[] = await builder;
    const shown = rows.slice(0, page.limit);
    const last = shown.at(-1);
    return {
      items: shown.map(r => `{"asset":${r.data},"role":${JSON.stringify(r.role)}}`),
      ...(last ? { last: { tag: last.tag, role: last.role } } : {}),
      hasMore: rows.length > page.limit,
    };
  }

  async listAssetLinks(assetId: string): Promise<StoredAssetLink[]> {
    const rows = await this.db('itam_asset_links')
      .where('source_asset_id', assetId)
      .orWhere('target_asset_id', assetId)
      .orderBy(['source_asset_id', 'type', 'target_asset_id']);
    return rows.map(r => ({
      sourceAssetId: r.source_asset_id,
      type: r.type,
      targetAssetId: r.target_asset_id,
    }));
  }

  async addAssetLink(link: StoredAssetLink, stamp: Stamp): Promise<boolean> {
    const rows = await this.db('itam_asset_links')
      .insert({
        source_asset_id: link.sourceAssetId,
        type: link.type,
        target_asset_id: link.targetAssetId,
        created_by: stamp.actor,
        created_at: stamp.at,
      })
      .onConflict(['source_asset_id', 'type', 'target_asset_id'])
      .ignore()
      .returning('source_asset_id');
    return rows.length > 0;
  }

  async removeAssetLink(link: StoredAssetLink): Promise<boolean> {
    const n = await this.db('itam_asset_links')
      .where({
        source_asset_id: link.sourceAssetId,
        type: link.type,
        target_asset_id: link.targetAssetId,
      })
      .delete();
    return n > 0;
  }

  async listTicketLinks(assetId: string): Promise<StoredTicketLink[]> {
    const rows = await this.db('itam_ticket_links')
      .where('asset_id', assetId)
      .orderBy([{ column: 'created_at', order: 'desc' }, 'issue_key']);
    return rows.map(rowToTicketLink);
  }

  async listAllAssetLinks(): Promise<StoredAssetLink[]> {
    const rows = await this.db('itam_asset_links').select('source_asset_id', 'type', 'target_asset_id');
    return rows.map(r => ({ sourceAssetId: r.source_asset_id, type: r.type, targetAssetId: r.target_asset_id }));
  }

  async getAssets(ids: readonly string[]): Promise<Asset[]> {
    const assets: Asset[] = [];
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += ID_LIST_BATCH) {
      // The ids as one array parameter: one statement, prepared once, whatever the batch's size
      // (the licence reconciliation reads tens of thousands of devices this way).
      const rows = await this.rowsWithIdIn<Pick<AssetRow, 'data'>>('select data from itam_assets where id', [], unique.slice(i, i + ID_LIST_BATCH));
      for (const row of rows) assets.push(rowToAsset(row));
    }
    return assets;
  }

  async listLinksTo(type: string, targetIds: readonly string[]): Promise<StoredAssetLink[]> {
    const links: StoredAssetLink[] = [];
    const unique = [...new Set(targetIds)];
    for (let i = 0; i < unique.length; i += ID_LIST_BATCH) {
      const rows = await this.rowsWithIdIn<{ source_asset_id: string; type: StoredAssetLink['type']; target_asset_id: string }>(
        'select source_asset_id, type, target_asset_id from itam_asset_links where type = ? and target_asset_id',
        [type],
        unique.slice(i, i + ID_LIST_BATCH),
        'order by target_asset_id, source_asset_id',
      );
      for (const r of rows) links.push({ sourceAssetId: r.source_asset_id, type: r.type, targetAssetId: r.target_asset_id });
    }
    return links;
  }

  /**
   * Runs `select … where <column>` + ` in (ids)` + `tail` with the ids as one array parameter
   * (json_each on SQLite, prepared once per connection; `any` on PostgreSQL).
   */
  private async rowsWithIdIn<T>(head: string, params: readonly string[], ids: readonly string[], tail = ''): Promise<T[]> {
    if (isBetterSqlite(this.db)) return sqliteAll<T>(this.db, `${head} in (select value from json_each(?)) ${tail}`, [...params, JSON.stringify(ids)]);
    return rawRows<T>(this.db, await this.db.raw(`${head} = any(?::text[]) ${tail}`, [...params, [...ids]]));
  }

  async listAllEntityLinks(): Promise<(EntityLink & { assetId: string })[]> {
    const rows = await this.db('itam_entity_links').select('asset_id', 'entity_ref', 'role');
    return rows.map(r => ({ assetId: r.asset_id, entityRef: r.entity_ref, role: r.role }));
  }

  async listAllTicketLinks(): Promise<StoredTicketLink[]> {
    const rows = await this.db('itam_ticket_links').select('*');
    return rows.map(rowToTicketLink);
  }

  async listTransitions(from: string, to: string): Promise<HistoryEvent[]> {
    const rows: HistoryRow[] = await this.db('itam_asset_history')
      .where('kind', 'transitioned')
      .whereBetween('at', [from, to])
      .orderBy(['at', 'id']);
    return rows.map(rowToEvent);
  }

  async upsertTicketLink(assetId: string, link: TicketLink, stamp: Stamp): Promise<boolean> {
    const key = { asset_id: assetId, site: link.site, issue_key: link.issueKey };
    const issueId = link.issueId ? { issue_id: link.issueId } : {};
    // Insert-or-nothing first: of two concurrent links of one ticket exactly one inserts, and the
    // other refreshes the row it finds instead of failing on the primary key (which a read
    // before the insert could not prevent on PostgreSQL). Database work only: no catalogue call
    // or token issue inside (see imports/importAssets.ts).
    const inserted = await this.db('itam_ticket_links')
      .insert({
        ...key,
        ...issueId,
        ticket_type: link.ticketType,
        summary: link.summary ?? null,
        status: link.status ?? null,
        resolved: link.resolved ?? false,
        created_by: stamp.actor,
        created_at: stamp.at,
      })
      .onConflict(['asset_id', 'site', 'issue_key'])
      .ignore()
      .returning('asset_id');
    if (inserted.length > 0) return true;
    // Details not given keep their stored values.
    await this.db('itam_ticket_links')
      .where(key)
      .update({
        ...issueId,
        ticket_type: link.ticketType,
        ...(link.summary !== undefined ? { summary: link.summary } : {}),
        ...(link.status !== undefined ? { status: link.status } : {}),
        ...(link.resolved !== undefined ? { resolved: link.resolved } : {}),
      });
    return false;
  }

  async removeTicketLink(assetId: string, site: string, issueKey: string): Promise<boolean> {
    const n = await this.db('itam_ticket_links')
      .where({ asset_id: assetId, site, issue_key: issueKey })
      .delete();
    return n > 0;
  }

  async getTicketAssets(
    site: string,
    issueKey: string,
    visible?: AssetVisibility,
  ): Promise<{ asset: Asset; link: StoredTicketLink }[]> {
    const builder = this.db('itam_ticket_links as t')
      .join('itam_assets as a', 'a.id', 't.asset_id')
      .where({ 't.site': site, 't.issue_key': issueKey })
      .select('t.*', 'a.data')
      .orderBy('a.tag');
    if (visible) whereAssetCriteria(builder, visible);
    const rows = await builder;
    return rows.map(r => ({ asset: rowToAsset(r), link: rowToTicketLink(r) }));
  }

}

/** A stored ticket link row as the API serves it. */
export function rowToTicketLink(r: Record<string, unknown>): StoredTicketLink {
  const link: StoredTicketLink = {
    assetId: r.asset_id as string,
    site: r.site as string,
    issueKey: r.issue_key as string,
    ...(r.issue_id ? { issueId: r.issue_id as string } : {}),
    ticketType: r.ticket_type as StoredTicketLink['ticketType'],
    resolved: Boolean(r.resolved),
    createdAt: r.created_at as string,
    createdBy: r.created_by as string,
  };
  if (r.summary) link.summary = r.summary as string;
  if (r.status) link.status = r.status as string;
  return link;
}
