export { itamApiRef } from './ItamApi';
export type { ItamApi } from './ItamApi';
export { ItamBackendClient } from './ItamBackendClient';
