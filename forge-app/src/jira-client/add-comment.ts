import api, { route } from '@forge/api';
import type { AdfDocument } from '../domain/assessment-comment';

/** Adds a comment (an Atlassian Document Format body) to the issue as the calling user. */
export async function addComment(issueKey: string, body: AdfDocument): Promise<{ id: string }> {
  const response = await api
    .asUser()
    .requestJira(route`/rest/api/3/issue/${issueKey}/comment`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ body }),
    });
  if (!response.ok) throw new Error(`Jira answered ${response.status} adding a comment to ${issueKey}`);
  const comment = (await response.json()) as { id?: string };
  return { id: String(comment.id ?? '') };
}
