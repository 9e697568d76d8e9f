import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The ITAM section of the portal (mounted by the app, e.g. at `/itam`). */
export const rootRouteRef = createRouteRef({ id: 'itam' });

/** The "Assets" tab of an entity page. */
export const entityContentRouteRef = createRouteRef({ id: 'itam:entity-content' });

/** The asset register (list, filters, search, export). */
export const registerRouteRef = createSubRouteRef({
  id: 'itam:register',
  parent: rootRouteRef,
  path: '/assets',
});

/** The form that registers a new asset. */
export const newAssetRouteRef = createSubRouteRef({
  id: 'itam:new-asset',
  parent: rootRouteRef,
  path: '/assets/new',
});

/** One asset: details, lifecycle, history, links. */
export const assetRouteRef = createSubRouteRef({
  id: 'itam:asset',
  parent: rootRouteRef,
  path: '/assets/:assetId',
});

/** The form that edits an asset. */
export const editAssetRouteRef = createSubRouteRef({
  id: 'itam:edit-asset',
  parent: rootRouteRef,
  path: '/assets/:assetId/edit',
});
