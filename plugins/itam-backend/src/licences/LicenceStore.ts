import type {
  ConcurrentUsagePeak,
  Entitlement,
  RecognitionRule,
  SoftwareProduct,
  UserAssignment,
} from '@itam/common';

/**
 * A software product as stored: the domain product, the rules that recognise discovered software
 * as it, and its revision (the optimistic-concurrency version, sent as the ETag; the product's
 * own `version` is its release).
 *
 * @public
 */
export interface StoredProduct extends SoftwareProduct {
  recognition?: RecognitionRule[];
  revision: number;
  createdAt: string;
  updatedAt: string;
}

/** @public */
export type ProductInput = SoftwareProduct & { recognition?: RecognitionRule[] };

/**
 * An entitlement as stored, with its revision.
 *
 * @public
 */
export type StoredEntitlement = Entitlement & { revision: number; createdAt: string; updatedAt: string };

/**
 * An installation: recorded against a product through the API (`productId`), or raw as a
 * discovery import reported it (`productId` null; recognition rules match it to a product).
 *
 * @public
 */
export interface StoredInstallation {
  id: string;
  assetId: string;
  productId: string | null;
  productName: string;
  version?: string;
  publisher?: string;
  installDate?: string;
  /** Last day of use; `null` when metering saw no use at all; absent when not metered. */
  lastUsed?: string | null;
  source: string;
  recordedAt: string;
}

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

  /** Installations in id order; `productId` filters the ones recorded against that product. */
  listInstallations(filter?: { assetId?: string; productId?: string | null }): Promise<StoredInstallation[]>;
  createInstallation(installation: NewInstallation, stamp: LicenceStamp): Promise<StoredInstallation>;
  /** Returns false when there was no such installation. */
  deleteInstallation(id: string): Promise<boolean>;

  listAssignments(): Promise<UserAssignment[]>;
  /** Returns false when the user already had the product (assigning is idempotent). */
  addAssignment(assignment: UserAssignment, stamp: LicenceStamp): Promise<boolean>;
  removeAssignment(assignment: UserAssignment): Promise<boolean>;

  listPeaks(): Promise<ConcurrentUsagePeak[]>;
  addPeak(peak: ConcurrentUsagePeak, stamp: LicenceStamp): Promise<void>;
}
