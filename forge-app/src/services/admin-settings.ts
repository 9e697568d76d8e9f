import { TICKET_TYPES } from '@itam/common';
import { NO_ISSUE_TYPES } from '../common/constants';
import { ItamForgeError } from '../common/errors';
import type {
  AdminSettings,
  AdminSettingsInput,
  BackendConfig,
  IssueTypeConfig,
  SiteOptions,
} from '../common/types';
import { panelIssueTypes } from '../domain/ticket-type';
import { listDateFields, listIssueTypes, listProjects } from '../jira-client/list-site-options';
import { setIssueTypesProperty } from '../jira-client/set-issue-types-property';
import { getBackendConfig } from '../storage/get-backend-config';
import { getBackendToken } from '../storage/get-backend-token';
import { deleteBackendConfig, saveBackendConfig } from '../storage/save-backend-config';
import { deleteBackendToken, saveBackendToken } from '../storage/save-backend-token';
import { deployedBackendOrigin } from './deployed-origin';

/** The settings as the admin page shows them: whether a token is set, never the token. */
export async function getAdminSettings(): Promise<AdminSettings> {
  const [config, token] = await Promise.all([getBackendConfig(), getBackendToken()]);
  const deployedOrigin = deployedBackendOrigin();
  return {
    ...(config ? { baseUrl: config.baseUrl } : {}),
    auth: config?.auth ?? 'forge-remote',
    ...(config?.portalUrl ? { portalUrl: config.portalUrl } : {}),
    tokenSet: token !== undefined,
    issueTypes: config?.issueTypes ?? NO_ISSUE_TYPES,
    projects: config?.projects ?? [],
    changeFields: config?.changeFields ?? {},
    ...(deployedOrigin ? { deployedOrigin } : {}),
  };
}

/** The site's issue types, projects and date fields to choose from. */
export async function getSiteOptions(): Promise<SiteOptions> {
  const [issueTypes, projects, dateFields] = await Promise.all([listIssueTypes(), listProjects(), listDateFields()]);
  return { issueTypes, projects, dateFields };
}

/**
 * Checks and saves the settings, all or nothing: the address (which must be on the backend this
 * deployment may call), the scope (issue types and projects chosen from this site's, by id), the
 * change fields, and in secret storage the fallback token; then the app property the panels'
 * display conditions read. If a later write fails, the earlier ones are put back and the admin
 * is told nothing changed.
 */
export async function saveAdminSettings(input: AdminSettingsInput): Promise<AdminSettings> {
  const options = await getSiteOptions();
  const config: BackendConfig = {
    baseUrl: parseBaseUrl(input.baseUrl),
    auth: input.auth === 'static-token' ? 'static-token' : 'forge-remote',
    ...(input.portalUrl?.trim() ? { portalUrl: parsePortalUrl(input.portalUrl) } : {}),
    issueTypes: parseIssueTypes(input.issueTypes, new Set(options.issueTypes.map(t => t.id))),
    projects: parseIds(input.projects, new Set(options.projects.map(p => p.id)), 'project'),
    changeFields: parseChangeFields(input.changeFields, new Set(options.dateFields.map(f => f.id))),
  };
  const token = input.token?.trim();
  const previousToken = await getBackendToken();
  if (config.auth === 'static-token') {
    if (token) {
      if (!/^\S{8,}$/.test(token)) {
        throw new ItamForgeError('invalid-input', 'The token must be at least 8 characters without spaces.');
      }
    } else if (previousToken === undefined) {
      throw new ItamForgeError('invalid-input', 'Paste the static token configured for this site in Backstage.');
    }
  }
  const previous = await getBackendConfig();
  try {
    await saveBackendConfig(config);
    if (config.auth === 'static-token' && token) await saveBackendToken(token);
    await setIssueTypesProperty(panelIssueTypes(config));
  } catch (e) {
    await rollBack(previous, previousToken);
    console.error(`ITAM: saving the settings failed (${e instanceof Error ? e.message : typeof e}); rolled back`);
    throw new ItamForgeError('backend-error', 'The settings could not be saved, and nothing was changed. Try again.');
  }
  return getAdminSettings();
}

async function rollBack(previous: BackendConfig | undefined, previousToken: string | undefined) {
  if (previous) await saveBackendConfig(previous);
  else await deleteBackendConfig();
  if (previousToken) await saveBackendToken(previousToken);
  else await deleteBackendToken();
  if (previous) await setIssueTypesProperty(panelIssueTypes(previous)).catch(() => undefined);
}

function parseUrl(value: string | undefined, field: string, example: string): URL {
  let url: URL;
  try {
    url = new URL(String(value ?? '').trim());
  } catch {
    throw new ItamForgeError('invalid-input', `The ${field} must be a URL such as ${example}.`);
  }
  if (url.protocol !== 'https:') throw new ItamForgeError('invalid-input', `The ${field} must use https.`);
  if (url.username || url.password || url.search || url.hash) {
    throw new ItamForgeError('invalid-input', `The ${field} must not carry credentials, a query or a fragment.`);
  }
  return url;
}

/**
 * The backend address must be on the backend this deployment was built for (the `itam-backend`
 * remote and egress in manifest.yml): Forge refuses calls anywhere else, and a host such as
 * localhost can never be reached from Atlassian's cloud.
 */
function parseBaseUrl(value: string): string {
  const url = parseUrl(value, 'backend address', 'https://backstage.example.com/api/itam');
  const deployed = deployedBackendOrigin();
  if (!deployed) {
    throw new ItamForgeError(
      'invalid-input',
      'This deployment does not say which backend it may call: deploy with ITAM_BACKEND_ORIGIN set (see the README).',
    );
  }
  if (url.origin !== deployed) {
    throw new ItamForgeError(
      'invalid-input',
      `The backend address must be on ${deployed}, the backend this app was deployed to call.`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function parsePortalUrl(value: string): string {
  const url = parseUrl(value, 'Backstage address', 'https://backstage.example.com');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function parseIds(value: unknown, known: ReadonlySet<string>, what: string): string[] {
  if (!Array.isArray(value) || value.length > 200) throw new ItamForgeError('invalid-input', `Choose up to 200 ${what}s.`);
  const ids = [...new Set(value.map(v => String(v).trim()).filter(Boolean))];
  const unknown = ids.filter(id => !known.has(id));
  if (unknown.length > 0) {
    throw new ItamForgeError('invalid-input', `No ${what} with id ${unknown.join(', ')} on this site.`);
  }
  return ids;
}

function parseIssueTypes(value: Partial<IssueTypeConfig> | undefined, known: ReadonlySet<string>): IssueTypeConfig {
  const seen = new Map<string, string>();
  const result = {} as IssueTypeConfig;
  for (const type of TICKET_TYPES) {
    result[type] = parseIds(value?.[type] ?? [], known, `${type} issue type`);
    for (const id of result[type]) {
      const other = seen.get(id);
      if (other) throw new ItamForgeError('invalid-input', `Issue type ${id} is chosen for both ${other} and ${type}.`);
      seen.set(id, type);
    }
  }
  return result;
}

function parseChangeFields(
  value: AdminSettingsInput['changeFields'],
  known: ReadonlySet<string>,
): BackendConfig['changeFields'] {
  const result: BackendConfig['changeFields'] = {};
  for (const key of ['plannedStart', 'plannedEnd'] as const) {
    const id = value?.[key]?.trim();
    if (!id) continue;
    if (!known.has(id)) throw new ItamForgeError('invalid-input', `No date field ${id} on this site (${key}).`);
    result[key] = id;
  }
  return result;
}
