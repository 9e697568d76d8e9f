import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ITAM_PLUGIN_ID } from '@itam/common';
import { itamApiRef, ItamBackendClient } from './api';
import { entityContentRouteRef, itamRouteRefs, rootRouteRef } from './routes';

export { isItamAvailable } from './isItamAvailable';

/**
 * The ITAM frontend plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const itamPlugin = createPlugin({
  id: ITAM_PLUGIN_ID,
  apis: [
    createApiFactory({
      api: itamApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new ItamBackendClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: itamRouteRefs,
});

/**
 * The ITAM section: mount it on a route of the app, e.g.
 * `<Route path="/itam" element={<ItamPage />} />`. The register lives under `assets`.
 *
 * @public
 */
export const ItamPage: () => JSX.Element = itamPlugin.provide(
  createRoutableExtension({
    name: 'ItamPage',
    component: () => import('./components/ItamPage').then(m => m.ItamPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The entity page's "Assets" tab; show it for entities where {@link isItamAvailable} holds.
 *
 * @public
 */
export const EntityItamContent: () => JSX.Element = itamPlugin.provide(
  createRoutableExtension({
    name: 'EntityItamContent',
    component: () =>
      import('./components/EntityAssetsContent').then(m => m.EntityAssetsContent),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * The entity overview card of linked assets; renders nothing for an entity without any.
 *
 * @public
 */
export const EntityItamCard: () => JSX.Element | null = itamPlugin.provide(
  createComponentExtension({
    name: 'EntityItamCard',
    component: {
      lazy: () => import('./components/EntityAssetsCard').then(m => m.EntityAssetsCard),
    },
  }),
);
