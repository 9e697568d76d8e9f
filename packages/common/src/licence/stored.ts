import type { Entitlement, SoftwareProduct } from './types';
import type { RecognitionRule } from './recognition';

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

