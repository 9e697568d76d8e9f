import api, { route } from '@forge/api';

/** Writes an issue entity property (Jira indexes the values the manifest's entityProperty modules name). */
export async function setIssueProperty(issueIdOrKey: string, propertyKey: string, value: object): Promise<void> {
  const response = await api
    .asApp()
    .requestJira(route`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`, {
      method: 'PUT',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(value),
    });
  if (!response.ok) {
    throw new Error(`Jira answered ${response.status} writing the ${propertyKey} property of ${issueIdOrKey}`);
  }
}
