/**
 * The classes of asset the register holds (ITIL 4 ITAM): physical hardware, software, cloud
 * resources, information assets (data stores, datasets) and services (SaaS subscriptions).
 *
 * @public
 */
export const ASSET_CLASSES = ['hardware', 'software', 'cloud', 'information', 'service'] as const;
/** @public */
export type AssetClass = (typeof ASSET_CLASSES)[number];

/**
 * Business criticality tiers: 1 is the most critical (a tier-1 outage stops the business).
 *
 * @public
 */
export const CRITICALITY_TIERS = [1, 2, 3, 4] as const;
/** @public */
export type Criticality = (typeof CRITICALITY_TIERS)[number];

/**
 * Data classification levels, lowest to highest sensitivity.
 *
 * @public
 */
export const DATA_CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'] as const;
/** @public */
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

/**
 * Classifications whose media must be sanitised (and the sanitisation recorded) before disposal.
 *
 * @public
 */
export const SANITISATION_REQUIRED_FOR: readonly DataClassification[] = [
  'confidential',
  'restricted',
];

/**
 * ITIL lifecycle stages, in their usual order.
 *
 * @public
 */
export const LIFECYCLE_STAGES = [
  'planned',
  'ordered',
  'in-stock',
  'deployed',
  'maintenance',
  'retired',
  'disposed',
] as const;
/** @public */
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/**
 * Methods of media sanitisation, after NIST SP 800-88 (clear, purge, destroy).
 *
 * @public
 */
export const SANITISATION_METHODS = ['clear', 'purge', 'destroy'] as const;
/** @public */
export type SanitisationMethod = (typeof SANITISATION_METHODS)[number];
