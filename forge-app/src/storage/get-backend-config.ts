import { kvs } from '@forge/kvs';
import { NO_ISSUE_TYPES } from '../common/constants';
import type { BackendConfig } from '../common/types';
import { CONFIG_KEY } from './constants';

/** The saved backend settings, or undefined before an admin saved them. */
export async function getBackendConfig(): Promise<BackendConfig | undefined> {
  const stored = await kvs.get<Partial<BackendConfig>>(CONFIG_KEY);
  if (!stored?.baseUrl) return undefined;
  return {
    baseUrl: stored.baseUrl,
    auth: stored.auth === 'static-token' ? 'static-token' : 'forge-remote',
    ...(stored.portalUrl ? { portalUrl: stored.portalUrl } : {}),
    issueTypes: { ...NO_ISSUE_TYPES, ...stored.issueTypes },
    projects: Array.isArray(stored.projects) ? stored.projects : [],
    changeFields: { ...stored.changeFields },
  };
}
