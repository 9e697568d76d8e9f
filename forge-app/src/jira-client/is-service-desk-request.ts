import api, { route } from '@forge/api';

/** Whether the issue is a Jira Service Management request (its project is a service desk). */
export async function isServiceDeskRequest(issueIdOrKey: string): Promise<boolean> {
  const response = await api
    .asUser()
    .requestJira(route`/rest/servicedeskapi/request/${issueIdOrKey}`, { headers: { accept: 'application/json' } });
  if (response.ok) return true;
  if (response.status === 404) return false;
  throw new Error(`Jira answered ${response.status} asking whether ${issueIdOrKey} is a service desk request`);
}
