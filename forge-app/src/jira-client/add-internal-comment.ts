import api, { route } from '@forge/api';

/**
 * Adds an internal comment (agents only, never e-mailed to the customer) to a Jira Service
 * Management request, as the calling agent: the request comment API with `public: false`. The
 * platform comment API would make it public on a service desk.
 */
export async function addInternalComment(issueIdOrKey: string, body: string): Promise<{ id: string }> {
  const response = await api
    .asUser()
    .requestJira(route`/rest/servicedeskapi/request/${issueIdOrKey}/comment`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ body, public: false }),
    });
  if (!response.ok) {
    throw new Error(`Jira answered ${response.status} adding an internal comment to ${issueIdOrKey}`);
  }
  const comment = (await response.json()) as { id?: string | number };
  return { id: String(comment.id ?? '') };
}
