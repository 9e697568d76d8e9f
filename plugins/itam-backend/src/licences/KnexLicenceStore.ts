import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { ItamRuleViolationError, type ConcurrentUsagePeak, type Entitlement, type Installation, type UserAssignment } from '@itam/common';
import type { Knex } from 'knex';
import type { AssetVisibility } from '../database/AssetStore';
import { whereAssetCriteria } from '../permissions/assetCriteria';
import { isBetterSqlite, lockedForWrite } from '../database/engine';
import { pgRows, preparedRows, sqliteAll, sqliteAllArrays } from '../database/sqliteReads';
import type {
  InstallationEvidence,
  LicenceStamp,
  LicenceStore,
  NewInstallation,
  ProductInput,
  StoredEntitlement,
  StoredInstallation,
  StoredProduct,
} from './LicenceStore';

/** What the reconciliation reads of an installation row. */
const EVIDENCE_COLUMNS = 'id, asset_id, product_id, product_name, publisher, version, last_used';
// What the reconciliation reads of a recorded installation (not its version: products are the
// versions it counts).
type RecordedEvidenceRow = [id: number | string, assetId: string, productId: string, lastUsed: string | null];
const RECORDED_EVIDENCE_PG = 'select id, asset_id, product_id, last_used from itam_installations where product_id = any($1::text[])';
const EVIDENCE_OF_ASSETS_COLUMNS = ['id', 'asset_id', 'product_id', 'product_name', 'publisher', 'version', 'last_used'];
const EVIDENCE_OF_ASSETS_SQLITE = `select ${EVIDENCE_OF_ASSETS_COLUMNS.join(', ')} from itam_installations where asset_id in (select value from json_each(?)) order by id`;
const EVIDENCE_OF_ENTITY_SQL = `select l.asset_id as linked_asset_id, ${EVIDENCE_OF_ASSETS_COLUMNS.map(c => `i.${c}`).join(', ')}
  from (select distinct asset_id from itam_entity_links where entity_ref = ?) l
  left join itam_installations i on i.asset_id = l.asset_id
  order by l.asset_id, i.id`;
const EVERY_ASSIGNMENT_SQLITE = 'select product_id, user_ref from itam_user_assignments order by product_id, user_ref';
const RECORDED_EVIDENCE_SQLITE = 'select id, asset_id, product_id, last_used from itam_installations where product_id in (select value from json_each(?))';

/** Source recorded on installations entered through the API. */
export const API_INSTALLATION_SOURCE = 'api';

interface VersionedRow {
  data: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The licence store on knex (SQLite or PostgreSQL). @public */
export class KnexLicenceStore implements LicenceStore {
  /** A store on the plugin's (migrated) database. */
  static create(db: Knex): KnexLicenceStore {
    return new KnexLicenceStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async listProducts(): Promise<StoredProduct[]> {
    const rows = await this.db<VersionedRow>('itam_software_products').orderBy('id');
    return rows.map(r => fromRow<StoredProduct>(r));
  }

  async getProduct(id: string): Promise<StoredProduct | undefined> {
    const row = await this.db<VersionedRow>('itam_software_products').where('id', id).first();
    return row ? fromRow<StoredProduct>(row) : undefined;
  }

  async createProduct(product: ProductInput, stamp: LicenceStamp): Promise<StoredProduct> {
    await this.insertUniquely(`A software product with id ${product.id} already exists`, () =>
      this.db('itam_software_products').insert({
        ...productColumns(product),
        version: 1,
        created_at: stamp.at,
        updated_at: stamp.at,
      }),
    );
    return { ...product, revision: 1, createdAt: stamp.at, updatedAt: stamp.at };
  }

  async updateProduct(product: ProductInput, expectedRevision: number, stamp: LicenceStamp): Promise<StoredProduct> {
    const current = await this.getProduct(product.id);
    if (!current) throw new NotFoundError(`No software product ${product.id}`);
    await this.updateVersioned(this.db, 'itam_software_products', 'Software product', product.id, expectedRevision, {
      ...productColumns(product),
      updated_at: stamp.at,
    });
    return { ...product, revision: expectedRevision + 1, createdAt: current.createdAt, updatedAt: stamp.at };
  }

  async listEntitlements(filter: { productId?: string } = {}): Promise<StoredEntitlement[]> {
    const query = this.db<VersionedRow>('itam_entitlements').orderBy('id');
    if (filter.productId !== undefined) query.where('product_id', filter.productId);
    return (await query).map(r => fromRow<StoredEntitlement>(r));
  }

  async getEntitlement(id: string): Promise<StoredEntitlement | undefined> {
    const row = await this.db<VersionedRow>('itam_entitlements').where('id', id).first();
    return row ? fromRow<StoredEntitlement>(row) : undefined;
  }

  async createEntitlement(entitlement: Entitlement, stamp: LicenceStamp): Promise<StoredEntitlement> {
    await this.writeEntitlement(entitlement, trx =>
      this.insertUniquely(`An entitlement with id ${entitlement.id} already exists`, () =>
        trx('itam_entitlements').insert({
          ...entitlementColumns(entitlement),
          version: 1,
          created_at: stamp.at,
          updated_at: stamp.at,
        }),
      ),
    );
    return { ...entitlement, revision: 1, createdAt: stamp.at, updatedAt: stamp.at };
  }

  async updateEntitlement(
    entitlement: Entitlement,
    expectedRevision: number,
    stamp: LicenceStamp,
  ): Promise<StoredEntitlement> {
    const current = await this.getEntitlement(entitlement.id);
    if (!current) throw new NotFoundError(`No entitlement ${entitlement.id}`);
    await this.writeEntitlement(entitlement, trx =>
      this.updateVersioned(trx, 'itam_entitlements', 'Entitlement', entitlement.id, expectedRevision, {
        ...entitlementColumns(entitlement),
        updated_at: stamp.at,
      }),
    );
    return { ...entitlement, revision: expectedRevision + 1, createdAt: current.createdAt, updatedAt: stamp.at };
  }

  /**
   * Writes an entitlement in a transaction that, for a priced one, first takes the currency lock
   * and refuses a price in a currency other than the other entitlements' (the reconciliation
   * cannot add prices in two currencies). Checked and written under one lock, two writers in
   * different currencies cannot both pass. Only database work inside: no network call.
   */
  private async writeEntitlement(entitlement: Entitlement, write: (trx: Knex.Transaction) => Promise<void>) {
    await this.db.transaction(async trx => {
      if (entitlement.currency !== undefined) {
        const lock = trx('itam_write_locks').where('name', 'entitlement-currency').first('name');
        // PostgreSQL: a row lock; SQLite runs one write transaction at a time anyway.
        await lockedForWrite(trx, lock);
        const other: { id: string; currency: string } | undefined = await trx('itam_entitlements')
          .whereNotNull('currency')
          .whereNot('currency', entitlement.currency)
          .whereNot('id', entitlement.id)
          .orderBy('id')
          .first('id', 'currency');
        if (other) {
          throw new ItamRuleViolationError([
            {
              ruleId: 'licence-single-currency',
              field: 'currency',
              message: `currency: entitlement ${other.id} is priced in ${other.currency}; all entitlement prices must be in one currency, not ${entitlement.currency}`,
            },
          ]);
        }
      }
      await write(trx);
    });
  }

  async changeEntitlement(
    id: string,
    change: (current: Entitlement) => Entitlement | undefined,
    stamp: LicenceStamp,
  ): Promise<{ entitlement: StoredEntitlement; changed: boolean }> {
    return this.db.transaction(async trx => {
      const query = trx<VersionedRow>('itam_entitlements').where('id', id).first();
      // Row lock on PostgreSQL; SQLite runs one write transaction at a time anyway.
      const row = await lockedForWrite(trx, query);
      if (!row) throw new NotFoundError(`No entitlement ${id}`);
      const current = fromRow<StoredEntitlement>(row);
      const { revision, createdAt, updatedAt: _u, ...entitlement } = current;
      const next = change(entitlement);
      if (!next) return { entitlement: current, changed: false };
      const n = await trx('itam_entitlements')
        .where({ id, version: revision })
        .update({ ...entitlementColumns(next), version: revision + 1, updated_at: stamp.at });
      if (n !== 1) throw new ConflictError(`Entitlement ${id} was changed concurrently; retry`);
      return { entitlement: { ...next, revision: revision + 1, createdAt, updatedAt: stamp.at }, changed: true };
    });
  }

  async deleteEntitlement(id: string): Promise<boolean> {
    return (await this.db('itam_entitlements').where('id', id).delete()) > 0;
  }

  async readInstallationEvidence(query: { afterId?: number; limit: number; unrecognisedOnly?: boolean }): Promise<InstallationEvidence[]> {
    const sql = `select ${EVIDENCE_COLUMNS} from itam_installations where ${query.unrecognisedOnly ? 'product_id is null and ' : ''}id > ? order by id limit ?`;
    const params = [query.afterId ?? 0, query.limit];
    // On SQLite a prepared statement reused per connection: the recompute reads a million rows.
    const rows: Record<string, unknown>[] = isBetterSqlite(this.db)
      ? await sqliteAll(this.db, sql, params)
      : (await this.db.raw(sql, params)).rows;
    return rows.map(rowToEvidence);
  }

  async readInstallationsOfProducts(productIds: readonly string[]): Promise<Installation[]> {
    if (productIds.length === 0) return [];
    // Only what a recorded installation needs (its name matters to recognition alone): the
    // evidence index then answers without reading the table (migrations/20261217_installationEvidenceIndex.js).
    // One statement whatever the number of products, prepared once per connection; rows as
    // arrays, as a part reads tens of thousands of them.
    const rows = isBetterSqlite(this.db)
      ? await sqliteAllArrays<RecordedEvidenceRow>(this.db, RECORDED_EVIDENCE_SQLITE, [JSON.stringify(productIds)])
      : await pgRows<RecordedEvidenceRow>(this.db, 'itam_recorded_evidence', RECORDED_EVIDENCE_PG, [[...productIds]]);
    return rows.map(([id, assetId, productId, lastUsed]) => recordedInstallation(id, assetId, productId, lastUsed));
  }

  async countInstallationsByProduct(): Promise<{ productId: string | null; installations: number }[]> {
    const rows: { product_id: string | null; n: number | string }[] = await this.db('itam_installations')
      .groupBy('product_id')
      .select('product_id', this.db.raw('count(*) as n'));
    return rows.map(r => ({ productId: r.product_id ?? null, installations: Number(r.n) }));
  }

  async listInstallationDeviceIds(): Promise<string[]> {
    const rows: { asset_id: string }[] = await this.db('itam_installations').distinct('asset_id');
    return rows.map(r => r.asset_id);
  }

  async readInstallationEvidenceOfAssets(assetIds: readonly string[]): Promise<InstallationEvidence[]> {
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < assetIds.length; i += 500) {
      const batch = assetIds.slice(i, i + 500);
      // Read with every entity tab and Jira panel: one statement, prepared once per connection on SQLite.
      rows.push(
        ...(isBetterSqlite(this.db)
          ? await sqliteAll<Record<string, unknown>>(this.db, EVIDENCE_OF_ASSETS_SQLITE, [JSON.stringify(batch)])
          : await this.db('itam_installations').whereIn('asset_id', batch).orderBy('id').select(EVIDENCE_OF_ASSETS_COLUMNS)),
      );
    }
    return rows.map(rowToEvidence);
  }

  async readInstallationEvidenceOfEntity(entityRef: string): Promise<{ assetIds: string[]; evidence: InstallationEvidence[] }> {
    // One statement for the entity tab: its linked assets, each with its installations, if any;
    // prepared once per connection (on PostgreSQL, planning it cost as much as running it).
    const rows = await preparedRows<Record<string, unknown>>(this.db, 'itam_evidence_of_entity', EVIDENCE_OF_ENTITY_SQL, [entityRef]);
    const assetIds: string[] = [];
    const evidence: InstallationEvidence[] = [];
    for (const row of rows) {
      if (assetIds[assetIds.length - 1] !== row.linked_asset_id) assetIds.push(String(row.linked_asset_id));
      if (row.id !== null && row.id !== undefined) evidence.push(rowToEvidence(row));
    }
    return { assetIds, evidence };
  }

  async listInstallations(
    filter: { assetId?: string; productId?: string | null } = {},
  ): Promise<StoredInstallation[]> {
    const query = this.db('itam_installations').orderBy('id');
    if (filter.assetId !== undefined) query.where('asset_id', filter.assetId);
    if (filter.productId === null) query.whereNull('product_id');
    else if (filter.productId !== undefined) query.where('product_id', filter.productId);
    return (await query).map(rowToInstallation);
  }

  async listInstallationBatch(query: {
    afterId?: number;
    limit: number;
    assetId?: string;
    productId?: string | null;
    productIdOrNull?: string;
    visible?: AssetVisibility;
  }): Promise<StoredInstallation[]> {
    if (query.productIdOrNull !== undefined) {
      // A product's installations and those without a product, each read in id order from the
      // product index and merged: as one `product_id = ? or product_id is null` condition the
      // databases walked every installation in id order to test it (0.3 s a page at a million).
      const { productIdOrNull, ...rest } = query;
      const [own, unassigned] = await Promise.all([
        this.listInstallationBatch({ ...rest, productId: productIdOrNull }),
        this.listInstallationBatch({ ...rest, productId: null }),
      ]);
      return [...own, ...unassigned].sort((a, b) => Number(a.id) - Number(b.id)).slice(0, query.limit);
    }
    const select = this.db('itam_installations as i').select('i.*').orderBy('i.id').limit(query.limit);
    if (query.afterId !== undefined) select.where('i.id', '>', query.afterId);
    if (query.assetId !== undefined) select.where('i.asset_id', query.assetId);
    if (query.productId === null) select.whereNull('i.product_id');
    else if (query.productId !== undefined) select.where('i.product_id', query.productId);
    if (query.visible) {
      // Conditions in SQL, so a page holds only rows the caller may see and is never short.
      select.join('itam_assets as a', 'a.id', 'i.asset_id');
      whereAssetCriteria(select, query.visible);
    }
    return (await select).map(rowToInstallation);
  }

  async createInstallation(installation: NewInstallation, stamp: LicenceStamp): Promise<StoredInstallation> {
    const row = {
      asset_id: installation.assetId,
      product_id: installation.productId,
      product_name: installation.productName.slice(0, 255),
      version: installation.version ?? null,
      publisher: null,
      install_date: null,
      // '' marks metered but never used (null: not metered), as the domain distinguishes them.
      last_used: installation.lastUsed === null ? '' : (installation.lastUsed ?? null),
      source: API_INSTALLATION_SOURCE,
      imported_at: stamp.at,
    };
    const [inserted] = await this.db('itam_installations').insert(row, ['id']);
    const id = typeof inserted === 'object' ? (inserted as { id: number | string }).id : inserted;
    return rowToInstallation({ ...row, id });
  }

  async deleteInstallation(id: string): Promise<boolean> {
    if (!/^\d{1,18}$/.test(id)) return false;
    return (await this.db('itam_installations').where('id', id).delete()) > 0;
  }

  async listAssignments(filter: { productIds?: readonly string[] } = {}): Promise<UserAssignment[]> {
    if (!filter.productIds && isBetterSqlite(this.db)) {
      // Every assignment, read by each reconciliation (a hundred thousand in the bench's estate):
      // rows as arrays from a prepared statement took a quarter of the time knex's rows did.
      const rows = await sqliteAllArrays<[productId: string, userRef: string]>(this.db, EVERY_ASSIGNMENT_SQLITE, []);
      return rows.map(([productId, userRef]) => ({ productId, userRef }));
    }
    const query = this.db('itam_user_assignments').orderBy(['product_id', 'user_ref']);
    if (filter.productIds) query.whereIn('product_id', [...filter.productIds]);
    const rows = await query;
    return rows.map(r => ({ productId: r.product_id, userRef: r.user_ref }));
  }

  async addAssignment(assignment: UserAssignment, stamp: LicenceStamp): Promise<boolean> {
    const inserted = await this.db('itam_user_assignments')
      .insert({
        product_id: assignment.productId,
        user_ref: assignment.userRef,
        created_by: stamp.actor,
        created_at: stamp.at,
      })
      .onConflict(['product_id', 'user_ref'])
      .ignore()
      .returning('user_ref');
    return inserted.length > 0;
  }

  async removeAssignment(assignment: UserAssignment): Promise<boolean> {
    const n = await this.db('itam_user_assignments')
      .where({ product_id: assignment.productId, user_ref: assignment.userRef })
      .delete();
    return n > 0;
  }

  async listPeaks(filter: { productIds?: readonly string[] } = {}): Promise<ConcurrentUsagePeak[]> {
    const query = this.db('itam_concurrent_peaks').orderBy('id');
    if (filter.productIds) query.whereIn('product_id', [...filter.productIds]);
    const rows = await query;
    return rows.map(r => ({ productId: r.product_id, peak: Number(r.peak), observedAt: r.observed_at }));
  }

  async addPeak(peak: ConcurrentUsagePeak, stamp: LicenceStamp): Promise<void> {
    await this.db('itam_concurrent_peaks').insert({
      product_id: peak.productId,
      peak: peak.peak,
      observed_at: peak.observedAt,
      created_by: stamp.actor,
      created_at: stamp.at,
    });
  }

  /** One conditional UPDATE: it changes the row only if nobody changed it since `expected`. */
  private async updateVersioned(
    q: Knex | Knex.Transaction,
    table: string,
    what: string,
    id: string,
    expected: number,
    columns: Record<string, unknown>,
  ): Promise<void> {
    const n = await q(table)
      .where({ id, version: expected })
      .update({ ...columns, version: expected + 1 });
    if (n === 1) return;
    const row = await q(table).where('id', id).first('version');
    if (!row) throw new NotFoundError(`No ${what.toLowerCase()} ${id}`);
    throw new ConflictError(
      `${what} ${id} is at revision ${row.version}, not ${expected}: someone changed it; reload and retry`,
    );
  }

  private async insertUniquely(message: string, write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (e) {
      if (isDatabaseConflictError(e)) throw new ConflictError(message);
      throw e;
    }
  }
}

/** A product's columns in `itam_software_products` (benchmarks seed through it too). */
export function productColumns(product: ProductInput) {
  return {
    id: product.id,
    publisher: product.publisher,
    name: product.name,
    product_version: product.version ?? null,
    under_management: product.underManagement,
    data: JSON.stringify(product),
  };
}

/** An entitlement's columns in `itam_entitlements` (benchmarks seed through it too). */
export function entitlementColumns(entitlement: Entitlement) {
  return {
    id: entitlement.id,
    product_id: entitlement.productId,
    metric: entitlement.metric,
    term_end: entitlement.termEnd ?? null,
    currency: entitlement.currency ?? null,
    data: JSON.stringify(entitlement),
  };
}

function fromRow<T>(row: VersionedRow): T {
  return {
    ...JSON.parse(row.data),
    revision: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  } as T;
}

/** A recorded installation row as the reconciliation reads it (see {@link rowToEvidence}). */
function recordedInstallation(id: number | string, assetId: string, productId: string, lastUsed: string | null): Installation {
  const installation: Installation = { id: String(id), deviceId: assetId, productId };
  if (lastUsed === '') installation.lastUsed = null;
  else if (typeof lastUsed === 'string') installation.lastUsed = lastUsed;
  return installation;
}

function rowToEvidence(r: Record<string, unknown>): InstallationEvidence {
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const e: InstallationEvidence = {
    id: Number(r.id),
    assetId: String(r.asset_id),
    productId: text(r.product_id) ?? null,
    productName: String(r.product_name),
  };
  if (text(r.version)) e.version = text(r.version);
  if (text(r.publisher)) e.publisher = text(r.publisher);
  if (r.last_used === '') e.lastUsed = null;
  else if (text(r.last_used)) e.lastUsed = text(r.last_used);
  return e;
}

function rowToInstallation(r: Record<string, unknown>): StoredInstallation {
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const i: StoredInstallation = {
    id: String(r.id),
    assetId: String(r.asset_id),
    productId: text(r.product_id) ?? null,
    productName: String(r.product_name),
    source: String(r.source),
    recordedAt: String(r.imported_at),
  };
  if (text(r.version)) i.version = text(r.version);
  if (text(r.publisher)) i.publisher = text(r.publisher);
  if (text(r.install_date)) i.installDate = text(r.install_date);
  if (r.last_used === '') i.lastUsed = null;
  else if (text(r.last_used)) i.lastUsed = text(r.last_used);
  return i;
}
