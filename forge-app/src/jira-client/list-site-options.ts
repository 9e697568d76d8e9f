import api, { route } from '@forge/api';
import type { SiteOption } from '../common/types';

async function getJson<T>(path: ReturnType<typeof route>): Promise<T> {
  const response = await api.asUser().requestJira(path, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`Jira answered ${response.status} listing ${path.value.split('?')[0]}`);
  return (await response.json()) as T;
}

/** The site's issue types, as the admin sees them. */
export async function listIssueTypes(): Promise<SiteOption[]> {
  const types = await getJson<{ id: string; name: string; scope?: { project?: { id?: string } } }[]>(
    route`/rest/api/3/issuetype`,
  );
  return types.map(t => ({ id: String(t.id), name: t.scope?.project?.id ? `${t.name} (project ${t.scope.project.id})` : t.name }));
}

/** The site's projects, every page. */
export async function listProjects(): Promise<SiteOption[]> {
  const projects: SiteOption[] = [];
  for (let startAt = 0; ; ) {
    const page = await getJson<{ values: { id: string; key: string; name: string }[]; isLast?: boolean; total?: number }>(
      route`/rest/api/3/project/search?startAt=${String(startAt)}&maxResults=100&orderBy=key`,
    );
    projects.push(...page.values.map(p => ({ id: String(p.id), name: `${p.name} (${p.key})` })));
    startAt += page.values.length;
    if (page.isLast !== false || page.values.length === 0) return projects;
  }
}

/** The site's date and date-time fields (e.g. Jira Service Management's planned start and end). */
export async function listDateFields(): Promise<SiteOption[]> {
  const fields = await getJson<{ id: string; name: string; schema?: { type?: string } }[]>(route`/rest/api/3/field`);
  return fields
    .filter(f => f.schema?.type === 'datetime' || f.schema?.type === 'date')
    .map(f => ({ id: f.id, name: f.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
