/**
 * Annotation that turns the ITAM tab and card off for one entity: `itam.io/enabled: "false"`.
 *
 * @public
 */
export const ITAM_ENABLED_ANNOTATION = 'itam.io/enabled';

/**
 * Catalogue kinds whose entity pages show the ITAM tab and card: the kinds assets are linked to
 * as running on, using or storing the data of (users and groups own assets; they are not linked).
 *
 * @public
 */
export const ITAM_ENTITY_KINDS: readonly string[] = ['component', 'resource', 'system'];
