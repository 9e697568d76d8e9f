import type { Knex } from 'knex';
import { isBetterSqlite, isPg, pgRows, sqliteAll } from './sqliteReads';

// The entity asset lookup's read model: per catalogue entity, the response's items (each linked
// asset's JSON with its role, in tag then role order) as one text value. Assets linked to one
// entity arrive over time and lie scattered in the asset table; joining them costs ~50 random
// page reads per lookup, and at a million assets on PostgreSQL those reads leave shared buffers
// (0.6 ms of database CPU per lookup against 0.1 ms for this one row). Writes that change an
// entity's assets rebuild its row in their own transaction, so readers never see it stale.

const TABLE = 'itam_entity_asset_items';

/** Entities rebuilt per statement: within the bound-parameter limits of both engines. */
const REFRESH_BATCH = 500;

/** Key space of the plugin's transaction-level advisory locks on PostgreSQL ("ITAM" in ASCII). */
const ADVISORY_LOCK_SPACE = 0x4954414d;

const AGGREGATE_SQLITE = `group_concat('{"asset":' || a.data || ',"role":' || json_quote(l.role) || '}', ',' order by a.tag, l.role)`;
const AGGREGATE_PG = `string_agg('{"asset":' || a.data || ',"role":' || to_json(l.role)::text || '}', ',' order by a.tag, l.role)`;

/** `insert` of the items built from links and assets, of the entities `where` picks. */
const insertItems = (pg: boolean, where: string) =>
  `insert into ${TABLE} (entity_ref, items, item_count) select l.entity_ref, ${pg ? AGGREGATE_PG : AGGREGATE_SQLITE}, count(*) ` +
  `from itam_entity_links l join itam_assets a on a.id = l.asset_id ${where} group by l.entity_ref`;

const READ_SQL = `select items, item_count from ${TABLE} where entity_ref = ?`;
const READ_PG = `select items, item_count from ${TABLE} where entity_ref = $1`;

/**
 * Rebuilds the stored asset items of the given entities from their links and assets, and drops
 * those of entities left with no linked asset. Call it last in the transaction that changed an
 * entity's links or linked assets.
 *
 * On PostgreSQL it first takes a transaction-level lock per entity, in sorted order: without it,
 * two transactions changing different assets of one entity could each build the items from a
 * snapshot without the other's change, and the later write would lose the earlier one. The
 * statement after the lock reads what was committed meanwhile. Taking these locks last, after
 * every row lock, keeps them out of lock cycles with the asset rows.
 */
export async function refreshEntityAssetItems(trx: Knex.Transaction, entityRefs: Iterable<string>): Promise<void> {
  const refs = [...new Set(entityRefs)].sort();
  const pg = isPg(trx);
  for (let i = 0; i < refs.length; i += REFRESH_BATCH) {
    const batch = refs.slice(i, i + REFRESH_BATCH);
    if (pg) {
      await trx.raw('select pg_advisory_xact_lock(?, hashtext(r)) from unnest(?::text[]) as r', [ADVISORY_LOCK_SPACE, batch]);
    }
    const list = batch.map(() => '?').join(',');
    await trx.raw(
      `${insertItems(pg, `where l.entity_ref in (${list})`)} on conflict (entity_ref) do update set items = excluded.items, item_count = excluded.item_count`,
      batch,
    );
    await trx(TABLE)
      .whereIn('entity_ref', batch)
      .whereNotExists(trx('itam_entity_links as l').whereRaw(`l.entity_ref = ${TABLE}.entity_ref`))
      .delete();
  }
}

/** The entities the given assets are linked to, for {@link refreshEntityAssetItems}. */
export async function entityRefsLinkedTo(q: Knex | Knex.Transaction, assetIds: readonly string[]): Promise<string[]> {
  const refs = new Set<string>();
  for (let i = 0; i < assetIds.length; i += REFRESH_BATCH) {
    const rows: { entity_ref: string }[] = await q('itam_entity_links')
      .distinct('entity_ref')
      .whereIn('asset_id', assetIds.slice(i, i + REFRESH_BATCH));
    for (const r of rows) refs.add(r.entity_ref);
  }
  return [...refs];
}

/**
 * Rebuilds every entity's stored asset items from the links and assets: for data that reached the
 * tables other than through the plugin (a bulk load, a restore from another tool's export).
 * Holds the table exclusively meanwhile on PostgreSQL, so writes wait rather than interleave.
 *
 * @public
 */
export async function rebuildEntityAssetItems(knex: Knex): Promise<void> {
  // Database work only: no catalogue call or token issue inside (see imports/importAssets.ts).
  await knex.transaction(async trx => {
    const pg = isPg(trx);
    if (pg) await trx.raw(`lock table ${TABLE} in exclusive mode`);
    await trx(TABLE).delete();
    await trx.raw(insertItems(pg, ''));
  });
}

/**
 * An entity's stored asset items: the JSON array's contents, without brackets ('' for none), and
 * how many they are. A statement prepared once per connection (SQLite) or named and planned once
 * per connection (PostgreSQL): for a one-row read, compiling and planning it on every request
 * would cost as much as running it.
 */
export async function readEntityAssetItems(db: Knex, entityRef: string): Promise<{ items: string; count: number }> {
  if (isBetterSqlite(db)) {
    const [row] = await sqliteAll<{ items: string; item_count: number }>(db, READ_SQL, [entityRef]);
    return { items: row?.items ?? '', count: Number(row?.item_count ?? 0) };
  }
  if (isPg(db)) {
    const [row] = await pgRows<[string, number]>(db, 'itam_entity_asset_items_counted', READ_PG, [entityRef]);
    return { items: row?.[0] ?? '', count: Number(row?.[1] ?? 0) };
  }
  const row: { items: string; item_count: number } | undefined = await db(TABLE)
    .where('entity_ref', entityRef)
    .first('items', 'item_count');
  return { items: row?.items ?? '', count: Number(row?.item_count ?? 0) };
}
