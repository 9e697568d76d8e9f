import type { Asset } from './types';

/**
 * The asset fields the history tracks: everything but the bookkeeping the store derives
 * (`id`, `version`, `createdAt`, `updatedAt`).
 *
 * @public
 */
export const TRACKED_ASSET_FIELDS = [
  'tag',
  'name',
  'assetClass',
  'type',
  'description',
  'criticality',
  'dataClassification',
  'serialNumber',
  'externalIds',
  'owner',
  'custodian',
  'location',
  'costCentre',
  'purchase',
  'warrantyEnd',
  'endOfLife',
  'endOfSupport',
  'sanitisation',
  'attributes',
  'lifecycleStage',
] as const satisfies readonly (keyof Asset)[];

/** @public */
export type TrackedAssetField = (typeof TRACKED_ASSET_FIELDS)[number];
