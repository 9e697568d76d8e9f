import { jiraSiteSchema, TICKET_TYPES } from '@itam/common';
import { DEFAULT_ISSUE_TYPES } from '../common/constants';
import { ItamForgeError } from '../common/errors';
import type { AdminSettings, AdminSettingsInput, BackendConfig, IssueTypeConfig } from '../common/types';
import { panelIssueTypes } from '../domain/ticket-type';
import { setIssueTypesProperty } from '../jira-client/set-issue-types-property';
import { getBackendConfig } from '../storage/get-backend-config';
import { getBackendToken } from '../storage/get-backend-token';
import { saveBackendConfig } from '../storage/save-backend-config';
import { saveBackendToken } from '../storage/save-backend-token';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The settings as the admin page shows them: whether a token is set, never the token. */
export async function getAdminSettings(): Promise<AdminSettings> {
  const [config, token] = await Promise.all([getBackendConfig(), getBackendToken()]);
  return {
    ...(config ? { baseUrl: config.baseUrl, site: config.site } : {}),
    tokenSet: token !== undefined,
    issueTypes: config?.issueTypes ?? DEFAULT_ISSUE_TYPES,
  };
}

/**
 * Checks and saves the settings: address, site and issue types in plain storage, the token (if a
 * new one is given) in secret storage, and the issue types as the app property the panels'
 * display conditions read.
 */
export async function saveAdminSettings(input: AdminSettingsInput): Promise<AdminSettings> {
  const config: BackendConfig = {
    baseUrl: parseBaseUrl(input.baseUrl),
    site: parseSite(input.site),
    issueTypes: parseIssueTypes(input.issueTypes),
  };
  const token = input.token?.trim();
  if (token) {
    if (!/^\S{8,}$/.test(token)) {
      throw new ItamForgeError('invalid-input', 'The token must be at least 8 characters without spaces.');
    }
  } else if ((await getBackendToken()) === undefined) {
    throw new ItamForgeError('invalid-input', 'Paste the token configured for this site in Backstage.');
  }
  await saveBackendConfig(config);
  if (token) await saveBackendToken(token);
  await setIssueTypesProperty(panelIssueTypes(config.issueTypes));
  return getAdminSettings();
}

function parseBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(String(value ?? '').trim());
  } catch {
    throw new ItamForgeError('invalid-input', 'The backend address must be a URL such as https://backstage.example.com/api/itam.');
  }
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new ItamForgeError('invalid-input', 'The backend address must use https.');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ItamForgeError('invalid-input', 'The backend address must not carry credentials, a query or a fragment.');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function parseSite(value: string): string {
  const parsed = jiraSiteSchema.safeParse(value);
  if (!parsed.success) {
    throw new ItamForgeError('invalid-input', 'The Jira site must be a host name such as acme.atlassian.net.');
  }
  return parsed.data;
}

function parseIssueTypes(value: Partial<IssueTypeConfig> | undefined): IssueTypeConfig {
  const seen = new Map<string, string>();
  const result = {} as IssueTypeConfig;
  for (const type of TICKET_TYPES) {
    const names = value?.[type];
    if (!Array.isArray(names) || names.length > 20) {
      throw new ItamForgeError('invalid-input', `List up to 20 issue types for ${type}.`);
    }
    result[type] = [];
    for (const raw of names) {
      const name = String(raw).trim();
      if (!name) continue;
      if (name.length > 60) throw new ItamForgeError('invalid-input', `Issue type "${name}" is too long.`);
      const other = seen.get(name.toLowerCase());
      if (other === type) continue;
      if (other) {
        throw new ItamForgeError('invalid-input', `Issue type "${name}" is listed for both ${other} and ${type}.`);
      }
      seen.set(name.toLowerCase(), type);
      result[type].push(name);
    }
  }
  return result;
}
