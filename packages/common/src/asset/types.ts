import type { z } from 'zod';
import type { assetPatchSchema, assetSchema, newAssetSchema, externalIdSchema, purchaseSchema, sanitisationSchema } from './schema';

/**
 * An asset in the register: anything of value that contributes to an IT product or service.
 *
 * @public
 */
export type Asset = z.output<typeof assetSchema>;

/**
 * What a client sends to create an asset (defaults not yet applied).
 *
 * @public
 */
export type NewAssetInput = z.input<typeof newAssetSchema>;

/**
 * A validated new asset with defaults applied, ready to store.
 *
 * @public
 */
export type NewAsset = z.output<typeof newAssetSchema>;

/**
 * What a client sends to change an asset; `null` clears an optional field.
 *
 * @public
 */
export type AssetPatchInput = z.input<typeof assetPatchSchema>;

/**
 * A validated asset patch.
 *
 * @public
 */
export type AssetPatch = z.output<typeof assetPatchSchema>;

/** @public */
export type ExternalId = z.output<typeof externalIdSchema>;
/** @public */
export type Purchase = z.output<typeof purchaseSchema>;
/** @public */
export type SanitisationRecord = z.output<typeof sanitisationSchema>;

/**
 * The asset fields a person can change (everything but identity, stage, version and timestamps).
 *
 * @public
 */
export type AssetField = keyof AssetPatch;
