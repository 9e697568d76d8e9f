import { kvs } from '@forge/kvs';
import type { BackendConfig } from '../common/types';
import { CONFIG_KEY } from './constants';

/** Stores the backend settings in plain storage. Never pass a token here. */
export async function saveBackendConfig(config: BackendConfig): Promise<void> {
  const { baseUrl, site, issueTypes } = config;
  await kvs.set(CONFIG_KEY, { baseUrl, site, issueTypes });
}
