// Permissions are plain objects of the shapes Backstage's `createPermission` returns (a basic
// permission, or a resource permission with `resourceType`), so the domain package needs no
// Backstage import (packages/common is I/O- and framework-free); the backend registers them with
// the permissions registry and checks in a test that they equal what `createPermission` makes.

/**
 * The resource type of register assets in Backstage's permission framework: a policy can answer
 * the asset permissions with conditions (the rules `IS_OWNER`, `HAS_CLASSIFICATION`, `HAS_CLASS`
 * of the backend plugin) instead of a plain allow or deny.
 *
 * @public
 */
export const ITAM_ASSET_RESOURCE_TYPE = 'itam-asset';

/** @public */
export type ItamPermissionAction = 'create' | 'read' | 'update' | 'delete';

/**
 * A permission about the plugin as a whole (licences, imports, audits).
 *
 * @public
 */
export interface ItamBasicPermission {
  type: 'basic';
  name: string;
  attributes: { action?: ItamPermissionAction };
}

/**
 * A permission about one asset, which a policy may grant on conditions.
 *
 * @public
 */
export interface ItamAssetPermission {
  type: 'resource';
  name: string;
  attributes: { action?: ItamPermissionAction };
  resourceType: typeof ITAM_ASSET_RESOURCE_TYPE;
}

/**
 * A permission as Backstage's permission framework understands it.
 *
 * @public
 */
export type ItamPermission = ItamBasicPermission | ItamAssetPermission;

const basic = (name: string, action?: ItamPermissionAction): ItamBasicPermission => ({
  type: 'basic',
  name,
  attributes: action ? { action } : {},
});

const onAsset = (name: string, action: ItamPermissionAction): ItamAssetPermission => ({
  type: 'resource',
  name,
  attributes: { action },
  resourceType: ITAM_ASSET_RESOURCE_TYPE,
});

/**
 * Read the register: assets, their links, tickets and history; lists show only the assets the
 * policy's conditions allow. @public
 */
export const itamAssetReadPermission = onAsset('itam.asset.read', 'read');
/**
 * Create assets. A basic permission, as the catalogue's entity creation is: there is no asset yet
 * to hold conditions against (and Backstage refuses a resource permission without a resource
 * from the frontend, which asks whether to offer the create button). @public
 */
export const itamAssetCreatePermission = basic('itam.asset.create', 'create');
/**
 * Change assets, their links and their lifecycle stage (conditions are checked against the
 * asset before and after the change). @public
 */
export const itamAssetUpdatePermission = onAsset('itam.asset.update', 'update');
/** Manage software products, entitlements and installations. @public */
export const itamLicenceManagePermission = basic('itam.licence.manage', 'update');
/** Run imports. @public */
export const itamImportPermission = basic('itam.import', 'create');
/** Run audits and record observations. @public */
export const itamAuditPermission = basic('itam.audit', 'update');
/**
 * Link and unlink Jira tickets and assets, and keep the links' issue details current: the one
 * write the Jira app needs, so its principal can be given nothing more. @public
 */
export const itamTicketLinkPermission = basic('itam.ticket.link', 'update');

/**
 * Every ITAM permission, for registration with the permissions registry.
 *
 * @public
 */
export const itamPermissions: readonly ItamPermission[] = [
  itamAssetReadPermission,
  itamAssetCreatePermission,
  itamAssetUpdatePermission,
  itamLicenceManagePermission,
  itamImportPermission,
  itamAuditPermission,
  itamTicketLinkPermission,
];

/**
 * The asset permissions (resource type `itam-asset`). There is no delete: the register keeps
 * every asset as evidence, and an asset leaves service through the retired and disposed stages.
 *
 * @public
 */
export const itamAssetPermissions: readonly ItamAssetPermission[] = [itamAssetReadPermission, itamAssetUpdatePermission];
