import { kvs } from '@forge/kvs';
import { DEFAULT_ISSUE_TYPES } from '../common/constants';
import type { BackendConfig } from '../common/types';
import { CONFIG_KEY } from './constants';

/** The saved backend settings, or undefined before an admin saved them. */
export async function getBackendConfig(): Promise<BackendConfig | undefined> {
  const stored = await kvs.get<Partial<BackendConfig>>(CONFIG_KEY);
  if (!stored?.baseUrl || !stored.site) return undefined;
  return {
    baseUrl: stored.baseUrl,
    site: stored.site,
    issueTypes: { ...DEFAULT_ISSUE_TYPES, ...stored.issueTypes },
  };
}
