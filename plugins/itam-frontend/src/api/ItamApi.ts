import { createApiRef } from '@backstage/core-plugin-api';
import type { ItamApi } from '@itam/common';

export type { ItamApi } from '@itam/common';

/**
 * The ITAM backend API, as the typed client of `@itam/common` describes it.
 *
 * @public
 */
export const itamApiRef = createApiRef<ItamApi>({ id: 'plugin.itam.api' });
