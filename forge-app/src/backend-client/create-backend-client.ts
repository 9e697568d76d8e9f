import { fetch, invokeRemote } from '@forge/api';
import { ItamJiraClient, type ItamJiraApi } from '@itam/common';
import { BACKEND_REMOTE_KEY } from '../common/constants';
import { ItamForgeError } from '../common/errors';
import { messages } from '../common/messages';
import type { BackendConfig } from '../common/types';
import { getBackendConfig } from '../storage/get-backend-config';
import { getBackendToken } from '../storage/get-backend-token';

/** A ready client for this site's ITAM backend, with the settings it was built from. */
export interface Backend {
  client: ItamJiraApi;
  config: BackendConfig;
}

/**
 * Builds the shared typed client. With Forge Remote (the default) every call goes through
 * `invokeRemote` to the manifest's `itam-backend` remote, and Forge adds a signed invocation token
 * that tells the backend which site and user are calling. The fallback sends a static token, bound
 * to this site in the backend's config, over Forge's `fetch` to the same remote.
 */
export function createBackendClient(config: BackendConfig, token?: string): ItamJiraApi {
  const url = new URL(config.baseUrl);
  if (config.auth === 'forge-remote') {
    return new ItamJiraClient({
      baseUrl: url.pathname.replace(/\/+$/, ''),
      fetch: (path, init) => invokeRemote(BACKEND_REMOTE_KEY, { ...init, path }),
    });
  }
  return new ItamJiraClient({
    baseUrl: config.baseUrl,
    fetch: (target, init) => fetch(target, init),
    headers: () => ({ authorization: `Bearer ${token ?? ''}` }),
  });
}

async function load(): Promise<Backend | undefined> {
  const config = await getBackendConfig();
  if (!config) return undefined;
  if (config.auth === 'forge-remote') return { client: createBackendClient(config), config };
  const token = await getBackendToken();
  return token ? { client: createBackendClient(config, token), config } : undefined;
}

/** The backend of this installation; throws `not-configured` until an admin saved the settings. */
export async function loadBackend(): Promise<Backend> {
  const backend = await load();
  if (!backend) throw new ItamForgeError('not-configured', messages.notConfigured);
  return backend;
}

/** As {@link loadBackend}, but undefined when not configured (for event triggers). */
export async function loadBackendIfConfigured(): Promise<Backend | undefined> {
  return load();
}
