import api, { route } from '@forge/api';
import type { AdfDocument } from '../domain/assessment-comment';

/** Adds a platform comment (an Atlassian Document Format body) to the issue as the calling user. */
export async function addComment(issueIdOrKey: string, body: AdfDocument): Promise<{ id: string }> {
  const response = await api
    .asUser()
    .requestJira(route`/rest/api/3/issue/${issueIdOrKey}/comment`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ body }),
    });
  if (!response.ok) throw new Error(`Jira answered ${response.status} adding a comment to ${issueIdOrKey}`);
  const comment = (await response.json()) as { id?: string };
  return { id: String(comment.id ?? '') };
}
