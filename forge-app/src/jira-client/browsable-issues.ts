import api, { route } from '@forge/api';

/**
 * Which of the issues (by id) the calling user may browse: Jira's bulk permission check, as the
 * user. Used so a panel lists only keys the viewer could open and counts the rest.
 */
export async function browsableIssues(issueIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(issueIds)].filter(id => /^\d+$/.test(id));
  if (ids.length === 0) return new Set();
  const response = await api.asUser().requestJira(route`/rest/api/3/permissions/check`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: ids.map(Number) }] }),
  });
  if (!response.ok) return new Set();
  const body = (await response.json()) as { projectPermissions?: { permission?: string; issues?: number[] }[] };
  const allowed = body.projectPermissions?.find(p => p.permission === 'BROWSE_PROJECTS')?.issues ?? [];
  return new Set(allowed.map(String));
}
