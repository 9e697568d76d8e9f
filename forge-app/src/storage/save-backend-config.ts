import { kvs } from '@forge/kvs';
import type { BackendConfig } from '../common/types';
import { CONFIG_KEY } from './constants';

/** Stores the backend settings in plain storage. Never pass a token here. */
export async function saveBackendConfig(config: BackendConfig): Promise<void> {
  const { baseUrl, auth, portalUrl, issueTypes, projects, changeFields } = config;
  await kvs.set(CONFIG_KEY, { baseUrl, auth, ...(portalUrl ? { portalUrl } : {}), issueTypes, projects, changeFields });
}

/** Removes the backend settings (rolling back a first save that could not be completed). */
export async function deleteBackendConfig(): Promise<void> {
  await kvs.delete(CONFIG_KEY);
}
