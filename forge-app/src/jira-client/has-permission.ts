import api, { route } from '@forge/api';

/**
 * Whether the calling user holds a Jira permission: a project permission on the issue (e.g.
 * `BROWSE_PROJECTS`, `EDIT_ISSUES`) or, without an issue key, a global one (e.g. `ADMINISTER`).
 */
export async function hasPermission(permission: string, issueKey?: string): Promise<boolean> {
  const response = await api
    .asUser()
    .requestJira(
      issueKey === undefined
        ? route`/rest/api/3/mypermissions?permissions=${permission}`
        : route`/rest/api/3/mypermissions?issueKey=${issueKey}&permissions=${permission}`,
      { headers: { accept: 'application/json' } },
    );
  if (!response.ok) return false;
  const body = (await response.json()) as {
    permissions?: Record<string, { havePermission?: boolean }>;
  };
  return body.permissions?.[permission]?.havePermission === true;
}
