import { createApiRef } from '@backstage/core-plugin-api';
import type { ItamApi as ItamClientApi } from '@itam/common';

/**
 * The ITAM backend API, as the typed client of `@itam/common` describes it. Declared here (not
 * re-exported) so the plugin's API report names its own type.
 *
 * @public
 */
export type ItamApi = ItamClientApi;

/**
 * The ITAM backend API, as the typed client of `@itam/common` describes it.
 *
 * @public
 */
export const itamApiRef = createApiRef<ItamApi>({ id: 'plugin.itam.api' });
