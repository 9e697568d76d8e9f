/**
 * The Backstage plugin id shared by the backend and frontend plugins.
 *
 * @public
 */
export const ITAM_PLUGIN_ID = 'itam';

/**
 * Annotation a catalogue `Resource` published from the register carries, pointing back to the
 * asset's id.
 *
 * @public
 */
export const ITAM_ASSET_ID_ANNOTATION = 'itam.io/asset-id';

/**
 * Annotation holding the asset tag of a published `Resource`.
 *
 * @public
 */
export const ITAM_ASSET_TAG_ANNOTATION = 'itam.io/asset-tag';
