import type { LicenceCompliance, LicencePositionReport, ProductPosition } from '@itam/common';
import type { Knex } from 'knex';
import { SnapshotStore } from '../analytics/SnapshotStore';

/** The snapshot kind of the positions' header; its generation moves on every licence write. */
export const LICENCE_POSITIONS_SNAPSHOT = 'licence-positions';

const POSITIONS = 'itam_licence_positions';
const ROW_BATCH = 200;

/** A product's position, with its explanation when it was asked for. */
export type ListedProductPosition = Omit<ProductPosition, 'explanation'> & { explanation?: ProductPosition['explanation'] };

/** A reconciliation's report without its products (they are rows). */
export type LicencePositionHeader = Omit<LicencePositionReport, 'products'>;

/**
 * The licence positions of the latest reconciliation: a header (as of, summary) and one row per
 * product, read a product at a time or as a list.
 */
export interface LicencePositionsView {
  computedAt: string;
  header: LicencePositionHeader;
  /** Every product's position by product id, with or without its explanation. */
  products(explained: boolean): Promise<ListedProductPosition[]>;
  product(productId: string): Promise<ProductPosition | undefined>;
  /** Some products' positions, without explanations; products with no position are left out. */
  productsByIds(productIds: readonly string[]): Promise<ListedProductPosition[]>;
  /** The products under management and whether each is proven compliant (the KPI's input). */
  compliance(): Promise<LicenceCompliance[]>;
}

/** Reconciled products, compliant when proven to have no shortfall (as the summary counts). */
export function complianceOf(position: Pick<ProductPosition, 'productId' | 'status'>): LicenceCompliance {
  return { productId: position.productId, compliant: position.status === 'compliant' || position.status === 'over-licensed' };
}

const withoutExplanation = ({ explanation: _e, ...position }: ProductPosition) => position;

/** A report in hand as a view (one computed but not stored: a licence write came meanwhile). */
export function reportView(computedAt: string, report: LicencePositionReport): LicencePositionsView {
  const { products, ...header } = report;
  return {
    computedAt,
    header,
    products: async explained => (explained ? products : products.map(withoutExplanation)),
    product: async id => products.find(p => p.productId === id),
    productsByIds: async ids => {
      const wanted = new Set(ids);
      return products.filter(p => wanted.has(p.productId)).map(withoutExplanation);
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
}

/**
 * Keeps the latest licence positions: the header as a snapshot (whose generation every licence
 * write moves on, see {@link SnapshotStore.putIfCurrent}) and the products as rows, written in
 * the same transaction.
 */
export class KnexLicencePositionStore implements LicencePositionStore {
  private readonly snapshots: SnapshotStore;

  private constructor(private readonly db: Knex) {
    this.snapshots = new SnapshotStore(db);
  }

  static create(db: Knex): KnexLicencePositionStore {
    return new KnexLicencePositionStore(db);
  }

  /** The stored positions, when some are stored and no licence write came since. */
  async current(): Promise<LicencePositionsView | undefined> {
    const header = await this.snapshots.get<LicencePositionHeader>(LICENCE_POSITIONS_SNAPSHOT);
    if (!header) return undefined;
    return {
      computedAt: header.computedAt,
      header: header.data,
      products: explained => this.products(explained),
      product: id => this.product(id),
      productsByIds: ids => this.productsByIds(ids),
      compliance: () => this.compliance(),
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
  putIfCurrent(generation: number, computedAt: string, report: LicencePositionReport): Promise<boolean> {
    const { products, ...header } = report;
    return this.snapshots.putIfCurrent(LICENCE_POSITIONS_SNAPSHOT, generation, computedAt, header, async trx => {
      await trx(POSITIONS).delete();
      for (let i = 0; i < products.length; i += ROW_BATCH) {
        await trx(POSITIONS).insert(
          products.slice(i, i + ROW_BATCH).map(p => ({
            product_id: p.productId,
            status: p.status,
            under_management: p.underManagement ? 1 : 0,
            position: JSON.stringify(withoutExplanation(p)),
            explanation: JSON.stringify(p.explanation),
            computed_at: computedAt,
          })),
        );
      }
    });
  }

  private async products(explained: boolean): Promise<ListedProductPosition[]> {
    const columns = explained ? ['position', 'explanation'] : ['position'];
    const rows: { position: string; explanation?: string }[] = await this.db(POSITIONS).orderBy('product_id').select(columns);
    return rows.map(toPosition);
  }

  private async product(productId: string): Promise<ProductPosition | undefined> {
    const row = await this.db(POSITIONS).where('product_id', productId).first('position', 'explanation');
    return row ? (toPosition(row) as ProductPosition) : undefined;
  }

  private async productsByIds(productIds: readonly string[]): Promise<ListedProductPosition[]> {
    const positions: ListedProductPosition[] = [];
    const ids = [...new Set(productIds)];
    for (let i = 0; i < ids.length; i += ROW_BATCH) {
      const rows: { position: string }[] = await this.db(POSITIONS).whereIn('product_id', ids.slice(i, i + ROW_BATCH)).select('position');
      positions.push(...rows.map(toPosition));
    }
    return positions;
  }

  private async compliance(): Promise<LicenceCompliance[]> {
    const rows: { product_id: string; status: ProductPosition['status'] }[] = await this.db(POSITIONS)
      .where('under_management', 1)
      .orderBy('product_id')
      .select('product_id', 'status');
    return rows.map(r => complianceOf({ productId: r.product_id, status: r.status }));
  }
}

function toPosition(row: { position: string; explanation?: string }): ListedProductPosition {
  const position = JSON.parse(row.position) as ListedProductPosition;
  return row.explanation === undefined ? position : { ...position, explanation: JSON.parse(row.explanation) };
}
