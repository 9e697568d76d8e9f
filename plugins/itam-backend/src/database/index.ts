export type { AssetStore, Stamp, StoredAssetLink, StoredTicketLink } from './AssetStore';
export { KnexAssetStore, migrateItamDatabase, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './KnexAssetStore';
export { DEFAULT_SQLITE_MMAP_SIZE } from './sqliteReads';
export { rebuildEntityAssetItems } from './entityAssetItems';
