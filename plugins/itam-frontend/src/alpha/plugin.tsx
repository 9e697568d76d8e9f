import {
  compatWrapper,
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { ITAM_PLUGIN_ID } from '@itam/common';
import { itamApiRef, ItamBackendClient } from '../api';
import { isItamAvailable } from '../isItamAvailable';
import {
  assetRouteRef,
  editAssetRouteRef,
  entityContentRouteRef,
  newAssetRouteRef,
  registerRouteRef,
  rootRouteRef,
} from '../routes';

/** The ITAM API, built on the shared typed client. @alpha */
export const itamApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: itamApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new ItamBackendClient({ discoveryApi, fetchApi }),
    }),
});

/** The ITAM section at `/itam`; its areas are sub-pages, shown as tabs. @alpha */
export const itamPage = PageBlueprint.make({
  params: {
    path: '/itam',
    title: 'IT asset management',
    routeRef: convertLegacyRouteRef(rootRouteRef),
  },
});

/** The asset register (list, asset pages, forms) at `/itam/assets`. @alpha */
export const itamRegisterSubPage = SubPageBlueprint.make({
  name: 'assets',
  params: {
    path: 'assets',
    title: 'Asset register',
    loader: () =>
      import('../components/AssetsRouter').then(m => compatWrapper(<m.AssetsRouter />)),
  },
});

/** The entity page's "Assets" tab, for entities where `isItamAvailable` holds. @alpha */
export const itamEntityContent = EntityContentBlueprint.make({
  name: 'assets',
  params: {
    path: '/assets',
    title: 'Assets',
    filter: isItamAvailable,
    routeRef: convertLegacyRouteRef(entityContentRouteRef),
    loader: () =>
      import('../components/EntityAssetsContent').then(m =>
        compatWrapper(<m.EntityAssetsContent />),
      ),
  },
});

/** The entity overview card of linked assets (renders nothing without any). @alpha */
export const itamEntityCard = EntityCardBlueprint.make({
  name: 'assets',
  params: {
    filter: isItamAvailable,
    loader: () =>
      import('../components/EntityAssetsCard').then(m => compatWrapper(<m.EntityAssetsCard />)),
  },
});

/**
 * The ITAM frontend plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: ITAM_PLUGIN_ID,
  title: 'IT asset management',
  routes: convertLegacyRouteRefs({
    root: rootRouteRef,
    register: registerRouteRef,
    newAsset: newAssetRouteRef,
    asset: assetRouteRef,
    editAsset: editAssetRouteRef,
    entityContent: entityContentRouteRef,
  }),
  extensions: [itamApi, itamPage, itamRegisterSubPage, itamEntityContent, itamEntityCard],
});
