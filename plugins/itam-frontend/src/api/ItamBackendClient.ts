import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ITAM_PLUGIN_ID, ItamClient } from '@itam/common';

/**
 * The ITAM API for the browser: the shared typed client of `@itam/common`, pointed at the
 * backend plugin's base URL (`discoveryApi.getBaseUrl('itam')`, i.e. `/api/itam`) and sending
 * its requests through Backstage's `fetchApi`, which adds the user's token. Every call of the
 * common `ItamApi` is the shared client's own, so the two cannot drift apart.
 *
 * @public
 */
export class ItamBackendClient extends ItamClient {
  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    const { discoveryApi, fetchApi } = options;
    super({
      baseUrl: () => discoveryApi.getBaseUrl(ITAM_PLUGIN_ID),
      fetch: (url, init) => fetchApi.fetch(url, init),
    });
  }
}
