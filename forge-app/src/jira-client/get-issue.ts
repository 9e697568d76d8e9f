import api, { route } from '@forge/api';
import type { IssueState } from './types';

const BASE_FIELDS = ['summary', 'status', 'resolution', 'issuetype', 'project', 'duedate'];

/**
 * The issue as Jira has it now, by id or key; undefined if it is gone (or, read as the user, if
 * the user may not see it). Read as the user where a person acts, so restricted projects the
 * app's own account cannot browse still work; as the app for events and the resync.
 */
export async function getIssue(
  idOrKey: string,
  options: { as?: 'app' | 'user'; fields?: readonly string[] } = {},
): Promise<IssueState | undefined> {
  const extra = (options.fields ?? []).filter(Boolean);
  const fields = [...BASE_FIELDS, ...extra].join(',');
  const client = options.as === 'user' ? api.asUser() : api.asApp();
  const response = await client.requestJira(route`/rest/api/3/issue/${idOrKey}?fields=${fields}`, {
    headers: { accept: 'application/json' },
  });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`Jira answered ${response.status} reading issue ${idOrKey}`);
  const issue = (await response.json()) as {
    id: string;
    key: string;
    fields: {
      summary?: string;
      status?: { name?: string; statusCategory?: { key?: string } };
      resolution?: { name?: string } | null;
      issuetype?: { id?: string; name?: string };
      project?: { id?: string };
      duedate?: string | null;
      [field: string]: unknown;
    };
  };
  const f = issue.fields;
  return {
    id: String(issue.id),
    key: issue.key,
    summary: f.summary ?? '',
    status: f.status?.name ?? '',
    resolved: Boolean(f.resolution) || f.status?.statusCategory?.key === 'done',
    issueTypeId: String(f.issuetype?.id ?? ''),
    issueType: f.issuetype?.name ?? '',
    projectId: String(f.project?.id ?? ''),
    ...(f.duedate ? { dueDate: f.duedate } : {}),
    fields: Object.fromEntries(extra.map(id => [id, f[id]])),
  };
}
