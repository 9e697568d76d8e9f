import api, { route } from '@forge/api';
import type { IssueState } from './types';

/** The issue's current summary, status, resolution and type, read as the app; undefined if gone. */
export async function getIssue(issueKey: string): Promise<IssueState | undefined> {
  const response = await api
    .asApp()
    .requestJira(route`/rest/api/3/issue/${issueKey}?fields=summary,status,resolution,issuetype`, {
      headers: { accept: 'application/json' },
    });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`Jira answered ${response.status} reading issue ${issueKey}`);
  const issue = (await response.json()) as {
    key: string;
    fields: {
      summary?: string;
      status?: { name?: string; statusCategory?: { key?: string } };
      resolution?: { name?: string } | null;
      issuetype?: { name?: string };
    };
  };
  return {
    key: issue.key,
    summary: issue.fields.summary ?? '',
    status: issue.fields.status?.name ?? '',
    resolved: Boolean(issue.fields.resolution) || issue.fields.status?.statusCategory?.key === 'done',
    issueType: issue.fields.issuetype?.name ?? '',
  };
}
