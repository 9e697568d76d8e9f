import api, { route } from '@forge/api';

/** The issue's due date (`YYYY-MM-DD`, Jira's system `duedate` field), read as the app. */
export async function getIssueDueDate(issueKey: string): Promise<string | undefined> {
  const response = await api
    .asApp()
    .requestJira(route`/rest/api/3/issue/${issueKey}?fields=duedate`, {
      headers: { accept: 'application/json' },
    });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`Jira answered ${response.status} reading the due date of ${issueKey}`);
  const issue = (await response.json()) as { fields?: { duedate?: string | null } };
  return issue.fields?.duedate ?? undefined;
}
