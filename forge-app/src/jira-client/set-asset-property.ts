import api, { route } from '@forge/api';
import { ASSET_PROPERTY_KEY } from '../common/constants';
import type { AssetPropertyValue } from './types';

/** Writes the issue's `itam-assets` property, which Jira indexes for JQL. */
export async function setAssetProperty(issueKey: string, value: AssetPropertyValue): Promise<void> {
  const response = await api
    .asApp()
    .requestJira(route`/rest/api/3/issue/${issueKey}/properties/${ASSET_PROPERTY_KEY}`, {
      method: 'PUT',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(value),
    });
  if (!response.ok) {
    throw new Error(`Jira answered ${response.status} writing the asset property of ${issueKey}`);
  }
}
