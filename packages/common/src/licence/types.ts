import type { z } from 'zod';
import type {
  concurrentUsagePeakSchema,
  deviceFactsSchema,
  entitlementSchema,
  installationSchema,
  licenceInputSchema,
  reconciliationOptionsSchema,
  softwareProductSchema,
  userAssignmentSchema,
} from './schema';

/** A normalised software product (publisher, name, version). @public */
export type SoftwareProduct = z.output<typeof softwareProductSchema>;

/** Rights bought for a product. @public */
export type Entitlement = z.output<typeof entitlementSchema>;

/** One installation of a product on a device. @public */
export type Installation = z.output<typeof installationSchema>;

/** Hardware facts of a physical or virtual device. @public */
export type DeviceFacts = z.output<typeof deviceFactsSchema>;

/** A product assigned to a user. @public */
export type UserAssignment = z.output<typeof userAssignmentSchema>;

/** An observed peak of concurrent use of a product. @public */
export type ConcurrentUsagePeak = z.output<typeof concurrentUsagePeakSchema>;

/** Validated input of a reconciliation. @public */
export type LicenceInput = z.output<typeof licenceInputSchema>;

/** What a client sends as input (omitted collections default to empty). @public */
export type LicenceInputData = z.input<typeof licenceInputSchema>;

/** Options of a reconciliation, defaults applied. @public */
export type ReconciliationOptions = z.output<typeof reconciliationOptionsSchema>;

/** Options as a caller gives them. @public */
export type ReconciliationOptionsInput = z.input<typeof reconciliationOptionsSchema>;
