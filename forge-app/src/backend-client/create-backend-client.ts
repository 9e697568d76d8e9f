import { fetch } from '@forge/api';
import { ItamClient, type ItamApi } from '@itam/common';
import { ItamForgeError } from '../common/errors';
import { messages } from '../common/messages';
import type { BackendConfig } from '../common/types';
import { getBackendConfig } from '../storage/get-backend-config';
import { getBackendToken } from '../storage/get-backend-token';

/** A ready client for this site's ITAM backend, with the settings it was built from. */
export interface Backend {
  client: ItamApi;
  config: BackendConfig;
}

/**
 * Builds the shared typed client over Forge's `fetch` (egress limited to the manifest's
 * `external.fetch.backend`), sending the stored token as `Authorization: Bearer`.
 */
export function createBackendClient(config: BackendConfig, token: string): ItamApi {
  return new ItamClient({
    baseUrl: config.baseUrl,
    fetch: (url, init) => fetch(url, init),
    headers: () => ({ authorization: `Bearer ${token}` }),
  });
}

/** The backend of this installation; throws `not-configured` until an admin saved URL and token. */
export async function loadBackend(): Promise<Backend> {
  const [config, token] = await Promise.all([getBackendConfig(), getBackendToken()]);
  if (!config || !token) throw new ItamForgeError('not-configured', messages.notConfigured);
  return { client: createBackendClient(config, token), config };
}

/** As {@link loadBackend}, but undefined when not configured (for event triggers). */
export async function loadBackendIfConfigured(): Promise<Backend | undefined> {
  const [config, token] = await Promise.all([getBackendConfig(), getBackendToken()]);
  return config && token ? { client: createBackendClient(config, token), config } : undefined;
}
