/**
 * ITAM for Backstage: the entity "Assets" tab and card, and the ITAM section (asset register,
 * asset pages, forms) for the legacy frontend system. The new frontend system's plugin is the
 * default export of `@itam/backstage-plugin-itam/alpha`.
 *
 * @packageDocumentation
 */

export { itamPlugin, ItamPage, EntityItamContent, EntityItamCard, isItamAvailable } from './plugin';
export { itamApiRef, ItamBackendClient } from './api';
export type { ItamApi } from './api';
export { ITAM_ENABLED_ANNOTATION, ITAM_ENTITY_KINDS } from './constants';
export {
  rootRouteRef as itamRootRouteRef,
  assetRouteRef as itamAssetRouteRef,
} from './routes';
