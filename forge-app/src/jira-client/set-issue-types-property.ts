import api, { route } from '@forge/api';
import { ISSUE_TYPES_APP_PROPERTY_KEY } from '../common/constants';

/** The app property the panels' display conditions read (see manifest.yml): ids, compared as strings. */
export interface IssueTypesPropertyValue {
  incidentPanel: string[];
  changePanel: string[];
  /** Projects in scope, as numbers (Jira expressions type `issue.project.id` so); empty means every project. */
  projects: number[];
}

/** Writes the Forge app property with the issue types and projects the panels show on. */
export async function setIssueTypesProperty(value: IssueTypesPropertyValue): Promise<void> {
  const response = await api
    .asApp()
    .requestJira(route`/rest/forge/1/app/properties/${ISSUE_TYPES_APP_PROPERTY_KEY}`, {
      method: 'PUT',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(value),
    });
  if (!response.ok) {
    throw new Error(`Jira answered ${response.status} writing the issue types app property`);
  }
}
