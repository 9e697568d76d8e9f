import type { AssetVisibility } from '../database/AssetStore';
import type {
  ConcurrentUsagePeak,
  Entitlement,
  Installation,
  ProductInput,
  StoredEntitlement,
  StoredInstallation,
  StoredProduct,
  UserAssignment,
} from '@itam/common';

// The stored shapes are API types too, so they live in @itam/common beside the client.
export type { ProductInput, StoredEntitlement, StoredInstallation, StoredProduct } from '@itam/common';

/**
 * What the licence reconciliation reads of a stored installation.
 *
 * @public
 */
export type InstallationEvidence = Pick<StoredInstallation, 'assetId' | 'productId' | 'productName' | 'publisher' | 'version' | 'lastUsed'> & {
  id: number;
};

/** @public */
export interface NewInstallation {
  assetId: string;
  productId: string;
  productName: string;
  version?: string;
  lastUsed?: string | null;
}

/** Who made a change and when. @public */
export interface LicenceStamp {
  actor: string;
  at: string;
}

/**
 * Persistence of the software asset management data.
 *
 * @public
 */
export interface LicenceStore {
  listProducts(): Promise<StoredProduct[]>;
  getProduct(id: string): Promise<StoredProduct | undefined>;
  /** @throws ConflictError when a product with the id exists. */
  createProduct(product: ProductInput, stamp: LicenceStamp): Promise<StoredProduct>;
  /**
   * Replaces a product if it is still at `expectedRevision`.
   * @throws NotFoundError for an unknown id, ConflictError for a stale revision.
   */
  updateProduct(product: ProductInput, expectedRevision: number, stamp: LicenceStamp): Promise<StoredProduct>;

  listEntitlements(filter?: { productId?: string }): Promise<StoredEntitlement[]>;
  getEntitlement(id: string): Promise<StoredEntitlement | undefined>;
  /** @throws ConflictError when an entitlement with the id exists. */
  createEntitlement(entitlement: Entitlement, stamp: LicenceStamp): Promise<StoredEntitlement>;
  /** @throws NotFoundError for an unknown id, ConflictError for a stale revision. */
  updateEntitlement(entitlement: Entitlement, expectedRevision: number, stamp: LicenceStamp): Promise<StoredEntitlement>;
  /** Returns false when there was no such entitlement. */
  deleteEntitlement(id: string): Promise<boolean>;
  /**
   * Changes an entitlement as `change` decides from its stored state, without an If-Match: the
   * row is locked (PostgreSQL) or the write serialised (SQLite) from read to write, so concurrent
   * changes (seat allocations) each see the others' result. `change` returning undefined writes
   * nothing; the entitlement is returned with `changed` telling which happened.
   */
  changeEntitlement(
    id: string,
    change: (current: Entitlement) => Entitlement | undefined,
    stamp: LicenceStamp,
  ): Promise<{ entitlement: StoredEntitlement; changed: boolean }>;

  /**
   * Installation evidence as the reconciliation reads it, in id order a batch at a time (those
   * after `afterId`): only the columns it needs, without building the stored form first.
   */
  readInstallationEvidence(query: { afterId?: number; limit: number; unrecognisedOnly?: boolean }): Promise<InstallationEvidence[]>;
  /**
   * The installations recorded against some products, as the reconciliation reads them, in no
   * particular order: a part of the estate the reconciliation takes at a time (the caller bounds
   * its size by their counts).
   */
  readInstallationsOfProducts(productIds: readonly string[]): Promise<Installation[]>;
  /** How many installations are recorded against each product (null: not recognised yet). */
  countInstallationsByProduct(): Promise<{ productId: string | null; installations: number }[]>;
  /** The devices that hold an installation, each once. */
  listInstallationDeviceIds(): Promise<string[]>;
  /**
   * The assets linked to a catalogue entity (each once, by id) and their installation evidence,
   * in one read (the entity tab's licence statuses).
   */
  readInstallationEvidenceOfEntity(entityRef: string): Promise<{ assetIds: string[]; evidence: InstallationEvidence[] }>;
  /** The installation evidence of some devices, in id order (a list's licence statuses). */
  readInstallationEvidenceOfAssets(assetIds: readonly string[]): Promise<InstallationEvidence[]>;
  /** Installations in id order; `productId` filters the ones recorded against that product. */
  listInstallations(filter?: { assetId?: string; productId?: string | null }): Promise<StoredInstallation[]>;
  /**
   * Installations in id order, a batch at a time: those after `afterId`, of one device and/or
   * product (`productId: null` for the unrecognised ones, `productIdOrNull` for a product's own
   * and the unrecognised, which recognition may give it), on devices the caller may see.
   */
  listInstallationBatch(query: {
    afterId?: number;
    limit: number;
    assetId?: string;
    productId?: string | null;
    productIdOrNull?: string;
    visible?: AssetVisibility;
  }): Promise<StoredInstallation[]>;
  createInstallation(installation: NewInstallation, stamp: LicenceStamp): Promise<StoredInstallation>;
  /** Returns false when there was no such installation. */
  deleteInstallation(id: string): Promise<boolean>;

  /** User assignments, of some products only when `productIds` is given (a family's page). */
  listAssignments(filter?: { productIds?: readonly string[] }): Promise<UserAssignment[]>;
  /** Returns false when the user already had the product (assigning is idempotent). */
  addAssignment(assignment: UserAssignment, stamp: LicenceStamp): Promise<boolean>;
  removeAssignment(assignment: UserAssignment): Promise<boolean>;

  /** Concurrent-use peaks, of some products only when `productIds` is given. */
  listPeaks(filter?: { productIds?: readonly string[] }): Promise<ConcurrentUsagePeak[]>;
  addPeak(peak: ConcurrentUsagePeak, stamp: LicenceStamp): Promise<void>;
}
