export { useAsset } from './useAsset';
export {
  useAssetEntityLinks,
  useAssetHistory,
  useAssetTickets,
  useTransitionOptions,
} from './useAssetDetails';
export { useEntityAssets } from './useEntityAssets';
export { useItamRoutes } from './useItamRoutes';
export type { ItamLinks } from './useItamRoutes';
export { CSV_EXPORT_FILE_NAME, useCsvExport } from './useCsvExport';
export { useItamPermission } from './useItamPermission';
export { DEFAULT_ITAM_SETTINGS, useItamSettings } from './useItamSettings';
