import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/**
 * The ITAM section of the portal (mounted by the app, e.g. at `/itam`).
 *
 * @public
 */
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

/**
 * One asset: details, lifecycle, history, links.
 *
 * @public
 */
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

/** Licence positions per product, shortfalls first. */
export const licencesRouteRef = createSubRouteRef({
  id: 'itam:licences',
  parent: rootRouteRef,
  path: '/licences',
});

/** One product's licence position with the explanation behind each number. */
export const licenceRouteRef = createSubRouteRef({
  id: 'itam:licence',
  parent: rootRouteRef,
  path: '/licences/:productId',
});

/** The KPI dashboard and maturity level. */
export const kpisRouteRef = createSubRouteRef({
  id: 'itam:kpis',
  parent: rootRouteRef,
  path: '/kpis',
});

/** Risk findings. */
export const risksRouteRef = createSubRouteRef({
  id: 'itam:risks',
  parent: rootRouteRef,
  path: '/risks',
});

/** Imports: upload, dry run, progress, row errors, recent jobs. */
export const importsRouteRef = createSubRouteRef({
  id: 'itam:imports',
  parent: rootRouteRef,
  path: '/imports',
});

/** Audit campaigns. */
export const auditsRouteRef = createSubRouteRef({
  id: 'itam:audits',
  parent: rootRouteRef,
  path: '/audits',
});

/** One audit campaign: scope, observations, findings. */
export const auditRouteRef = createSubRouteRef({
  id: 'itam:audit',
  parent: rootRouteRef,
  path: '/audits/:auditId',
});

/** Every route of the plugin, as both the legacy and the new frontend system expose them. */
export const itamRouteRefs = {
  root: rootRouteRef,
  register: registerRouteRef,
  newAsset: newAssetRouteRef,
  asset: assetRouteRef,
  editAsset: editAssetRouteRef,
  entityContent: entityContentRouteRef,
  licences: licencesRouteRef,
  licence: licenceRouteRef,
  kpis: kpisRouteRef,
  risks: risksRouteRef,
  imports: importsRouteRef,
  audits: auditsRouteRef,
  audit: auditRouteRef,
};
