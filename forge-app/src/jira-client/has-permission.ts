import api, { route } from '@forge/api';

/**
 * Whether the calling user holds a Jira permission: a project permission on the issue (by id,
 * e.g. `BROWSE_PROJECTS`, `EDIT_ISSUES`) or, without an issue, a global one (e.g. `ADMINISTER`).
 */
export async function hasPermission(permission: string, issueId?: string): Promise<boolean> {
  const response = await api
    .asUser()
    .requestJira(
      issueId === undefined
        ? route`/rest/api/3/mypermissions?permissions=${permission}`
        : route`/rest/api/3/mypermissions?issueId=${issueId}&permissions=${permission}`,
      { headers: { accept: 'application/json' } },
    );
  if (!response.ok) return false;
  const body = (await response.json()) as {
    permissions?: Record<string, { havePermission?: boolean }>;
  };
  return body.permissions?.[permission]?.havePermission === true;
}
