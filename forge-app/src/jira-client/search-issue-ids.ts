import api, { route } from '@forge/api';

/** One page of the ids of the issues a JQL query finds, read as the app. */
export async function searchIssueIds(
  jql: string,
  options: { maxResults: number; nextPageToken?: string },
): Promise<{ ids: string[]; nextPageToken?: string }> {
  const response = await api.asApp().requestJira(route`/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({
      jql,
      fields: ['id'],
      maxResults: options.maxResults,
      ...(options.nextPageToken ? { nextPageToken: options.nextPageToken } : {}),
    }),
  });
  if (!response.ok) throw new Error(`Jira answered ${response.status} to a JQL search`);
  const body = (await response.json()) as { issues?: { id: string }[]; nextPageToken?: string };
  return {
    ids: (body.issues ?? []).map(i => String(i.id)),
    ...(body.nextPageToken ? { nextPageToken: body.nextPageToken } : {}),
  };
}
