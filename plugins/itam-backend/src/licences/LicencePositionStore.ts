import { listedPosition, type LicenceCompliance, type LicencePositionReport, type ListedProductPosition, type ProductPosition } from '@itam/common';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { isBetterSqlite, sqliteRunEach } from '../database/sqliteReads';
import { KnexSnapshotStore, type SnapshotStore } from '../analytics/SnapshotStore';

/** The snapshot kind of the positions' header; its generation moves on every licence write. */
export const LICENCE_POSITIONS_SNAPSHOT = 'licence-positions';

const POSITIONS = 'itam_licence_positions';
const ROW_BATCH = 200;
const POSITION_COLUMNS = ['run_id', 'product_id', 'status', 'under_management', 'position', 'computed_at'] as const;
const INSERT_POSITION_SQL = `insert into ${POSITIONS} (${POSITION_COLUMNS.join(', ')}) values (${POSITION_COLUMNS.map(() => '?').join(', ')})`;

/** A reconciliation's report without its products (they are rows). */
export type LicencePositionHeader = Omit<LicencePositionReport, 'products'>;

/**
 * The licence positions of the latest reconciliation: a header (as of, summary) and one row per
 * product as a list shows it (see ListedProductPosition in @itam/common), read a product at a
 * time or as a list.
 */
export interface LicencePositionsView {
  computedAt: string;
  header: LicencePositionHeader;
  /** Every product's position by product id. */
  products(): Promise<ListedProductPosition[]>;
  product(productId: string): Promise<ListedProductPosition | undefined>;
  /** Some products' positions; products with no position are left out. */
  productsByIds(productIds: readonly string[]): Promise<ListedProductPosition[]>;
  /** The products under management and whether each is proven compliant (the KPI's input). */
  compliance(): Promise<LicenceCompliance[]>;
}

/** Reconciled products, compliant when proven to have no shortfall (as the summary counts). */
export function complianceOf(position: Pick<ProductPosition, 'productId' | 'status'>): LicenceCompliance {
  return { productId: position.productId, compliant: position.status === 'compliant' || position.status === 'over-licensed' };
}

/** A report in hand as a view (one computed but not stored: a licence write came meanwhile). */
export function reportView(computedAt: string, report: LicencePositionReport): LicencePositionsView {
  const { products: reconciled, ...header } = report;
  const products = reconciled.map(listedPosition);
  return {
    computedAt,
    header,
    products: async () => products,
    product: async id => products.find(p => p.productId === id),
    productsByIds: async ids => {
      const wanted = new Set(ids);
      return products.filter(p => wanted.has(p.productId));
    },
    compliance: async () => products.filter(p => p.underManagement).map(complianceOf),
  };
}

/**
 * Where the latest licence positions are kept: read, invalidated by licence writes, and stored
 * only when no write came since they were computed.
 */
export interface LicencePositionStore {
  /** The stored positions, when some are stored and no licence write came since. */
  current(): Promise<LicencePositionsView | undefined>;
  /** Moves on with every licence write; a result is stored only at the generation it was read at. */
  generation(): Promise<number>;
  /** Drops the stored positions: the next read reconciles afresh. */
  invalidate(): Promise<void>;
  /**
   * Stores a report reconciled from data read at `generation`, unless a licence write came since;
   * returns whether it was stored.
   */
  putIfCurrent(generation: number, computedAt: string, report: LicencePositionReport): Promise<boolean>;
  /**
   * Writes some products' positions of the reconciliation `runId`, as a list shows them (their
   * harvest candidates and explanations are not kept: a product's page reconciles its family
   * again for them), unseen by readers of the current positions until
   * {@link LicencePositionStore.publishIfCurrent}: a reconciliation run a part of the estate at a
   * time stores each part as it is done instead of holding every position.
   */
  putRunPositions(runId: string, computedAt: string, positions: readonly ProductPosition[]): Promise<void>;
  /**
   * Makes the run's positions, under `header`, the current ones unless a licence write came since
   * `generation` or a run computed later is published; returns whether it did. Once published,
   * the positions of runs computed well before it (see {@link SUPERSEDED_RUNS_KEPT_MS}) are
   * dropped. A run not published stays readable through {@link LicencePositionStore.runView}
   * until then or {@link LicencePositionStore.dropRuns}.
   */
  publishIfCurrent(generation: number, computedAt: string, runId: string, header: LicencePositionHeader): Promise<boolean>;
  /** A run's positions as a view (one computed while a licence write came, served once). */
  runView(runId: string, computedAt: string, header: LicencePositionHeader): LicencePositionsView;
  /** Drops the positions of one run, or of every run but the current one computed before `computedBefore`. */
  dropRuns(which: { runId: string } | { computedBefore: string }): Promise<void>;
}

/**
 * How long the positions of a run older than the published one are kept: a run still being
 * written or still answering the request that made it is younger than this.
 */
export const SUPERSEDED_RUNS_KEPT_MS = 10 * 60 * 1000;

/** The header as stored: the report's, and the run whose positions it heads. */
type StoredHeader = LicencePositionHeader & { runId: string };

/**
 * Keeps the latest licence positions: the products as rows keyed by the run that reconciled them,
 * and the header as a snapshot naming that run (its generation moves on with every licence write,
 * see {@link SnapshotStore.putIfCurrent}), so a run becomes current in one small write.
 */
export class KnexLicencePositionStore implements LicencePositionStore {
  private readonly snapshots: SnapshotStore;

  private constructor(private readonly db: Knex) {
    this.snapshots = KnexSnapshotStore.create(db);
  }

  static create(db: Knex): KnexLicencePositionStore {
    return new KnexLicencePositionStore(db);
  }

  /** The stored positions, when some are stored and no licence write came since. */
  async current(): Promise<LicencePositionsView | undefined> {
    const stored = await this.snapshots.get<StoredHeader>(LICENCE_POSITIONS_SNAPSHOT);
    if (!stored) return undefined;
    const { runId, ...header } = stored.data;
    return this.runView(runId, stored.computedAt, header);
  }

  runView(runId: string, computedAt: string, header: LicencePositionHeader): LicencePositionsView {
    return {
      computedAt,
      header,
      products: () => this.products(runId),
      product: id => this.product(runId, id),
      productsByIds: ids => this.productsByIds(runId, ids),
      compliance: () => this.compliance(runId),
    };
  }

  generation(): Promise<number> {
    return this.snapshots.generation(LICENCE_POSITIONS_SNAPSHOT);
  }

  /** Drops the stored positions: the next read reconciles afresh. */
  invalidate(): Promise<void> {
    return this.snapshots.invalidate(LICENCE_POSITIONS_SNAPSHOT);
  }

  /**
   * Stores a report reconciled from data read at `generation`, unless a licence write came since;
   * returns whether it was stored.
   */
  async putIfCurrent(generation: number, computedAt: string, report: LicencePositionReport): Promise<boolean> {
    const { products, ...header } = report;
    const runId = randomUUID();
    await this.putRunPositions(runId, computedAt, products);
    const published = await this.publishIfCurrent(generation, computedAt, runId, header);
    if (!published) await this.dropRuns({ runId });
    return published;
  }

  async putRunPositions(runId: string, computedAt: string, positions: readonly ProductPosition[]): Promise<void> {
    const rows = positions.map(p => [
      runId,
      p.productId,
      p.status,
      p.underManagement ? 1 : 0,
      JSON.stringify(listedPosition(p)),
      computedAt,
    ]);
    if (isBetterSqlite(this.db)) {
      await sqliteRunEach(this.db, INSERT_POSITION_SQL, rows);
      return;
    }
    for (let i = 0; i < rows.length; i += ROW_BATCH) {
      await this.db(POSITIONS).insert(rows.slice(i, i + ROW_BATCH).map(row => Object.fromEntries(POSITION_COLUMNS.map((c, j) => [c, row[j]]))));
    }
  }

  async publishIfCurrent(generation: number, computedAt: string, runId: string, header: LicencePositionHeader): Promise<boolean> {
    const stored: StoredHeader = { ...header, runId };
    if (!(await this.snapshots.putIfCurrent(LICENCE_POSITIONS_SNAPSHOT, generation, computedAt, stored))) return false;
    // After the commit, outside it: the runs a while older than this one. Not all older runs: a
    // run still being written (another replica's, or a read's that a licence write overtook and
    // that still answers it) must keep its rows; such a run is never published over this one.
    await this.dropRuns({ computedBefore: new Date(Date.parse(computedAt) - SUPERSEDED_RUNS_KEPT_MS).toISOString() });
    return true;
  }

  async dropRuns(which: { runId: string } | { computedBefore: string }): Promise<void> {
    if ('runId' in which) {
      await this.db(POSITIONS).where('run_id', which.runId).delete();
      return;
    }
    const current = (await this.snapshots.get<StoredHeader>(LICENCE_POSITIONS_SNAPSHOT))?.data.runId;
    const older = this.db(POSITIONS).where('computed_at', '<', which.computedBefore);
    await (current ? older.whereNot('run_id', current) : older).delete();
  }

  private async products(runId: string): Promise<ListedProductPosition[]> {
    const rows: { position: string }[] = await this.db(POSITIONS).where('run_id', runId).orderBy('product_id').select('position');
    return rows.map(toPosition);
  }

  private async product(runId: string, productId: string): Promise<ListedProductPosition | undefined> {
    const row: { position: string } | undefined = await this.db(POSITIONS).where('run_id', runId).where('product_id', productId).first('position');
    return row ? toPosition(row) : undefined;
  }

  private async productsByIds(runId: string, productIds: readonly string[]): Promise<ListedProductPosition[]> {
    const positions: ListedProductPosition[] = [];
    const ids = [...new Set(productIds)];
    for (let i = 0; i < ids.length; i += ROW_BATCH) {
      const rows: { position: string }[] = await this.db(POSITIONS).where('run_id', runId).whereIn('product_id', ids.slice(i, i + ROW_BATCH)).select('position');
      positions.push(...rows.map(toPosition));
    }
    return positions;
  }

  private async compliance(runId: string): Promise<LicenceCompliance[]> {
    const rows: { product_id: string; status: ProductPosition['status'] }[] = await this.db(POSITIONS).where('run_id', runId)
      .where('under_management', 1)
      .orderBy('product_id')
      .select('product_id', 'status');
    return rows.map(r => complianceOf({ productId: r.product_id, status: r.status }));
  }
}

function toPosition(row: { position: string }): ListedProductPosition {
  return JSON.parse(row.position) as ListedProductPosition;
}
