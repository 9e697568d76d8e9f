// Permissions are plain objects of Backstage's `BasicPermission` shape (what `createPermission`
// from @backstage/plugin-permission-common returns), so the domain package needs no Backstage
// import; the backend registers them with the permissions registry.

/**
 * A permission as Backstage's permission framework understands it.
 *
 * @public
 */
export interface ItamPermission {
  type: 'basic';
  name: string;
  attributes: { action?: 'create' | 'read' | 'update' | 'delete' };
}

const permission = (
  name: string,
  action?: ItamPermission['attributes']['action'],
): ItamPermission => ({ type: 'basic', name, attributes: action ? { action } : {} });

/** Read the register: assets, links, history, positions, KPIs, risks. @public */
export const itamAssetReadPermission = permission('itam.asset.read', 'read');
/** Create assets. @public */
export const itamAssetCreatePermission = permission('itam.asset.create', 'create');
/** Change assets, their links and their lifecycle stage. @public */
export const itamAssetUpdatePermission = permission('itam.asset.update', 'update');
/** Delete assets (only ones created by mistake; disposal is a lifecycle stage). @public */
export const itamAssetDeletePermission = permission('itam.asset.delete', 'delete');
/** Manage software products, entitlements and installations. @public */
export const itamLicenceManagePermission = permission('itam.licence.manage', 'update');
/** Run imports. @public */
export const itamImportPermission = permission('itam.import', 'create');
/** Run audits and record observations. @public */
export const itamAuditPermission = permission('itam.audit', 'update');
/**
 * Link and unlink Jira tickets and assets, and keep the links' issue details current: the one
 * write the Jira app needs, so its principal can be given nothing more. @public
 */
export const itamTicketLinkPermission = permission('itam.ticket.link', 'update');

/**
 * Every ITAM permission, for registration with the permissions registry.
 *
 * @public
 */
export const itamPermissions: readonly ItamPermission[] = [
  itamAssetReadPermission,
  itamAssetCreatePermission,
  itamAssetUpdatePermission,
  itamAssetDeletePermission,
  itamLicenceManagePermission,
  itamImportPermission,
  itamAuditPermission,
  itamTicketLinkPermission,
];
