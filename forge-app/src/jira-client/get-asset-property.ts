import api, { route } from '@forge/api';
import { ASSET_PROPERTY_KEY } from '../common/constants';
import type { AssetPropertyValue } from './types';

/** The issue's `itam-assets` property, or undefined when the issue has none. */
export async function getAssetProperty(issueIdOrKey: string): Promise<Partial<AssetPropertyValue> | undefined> {
  const response = await api
    .asApp()
    .requestJira(route`/rest/api/3/issue/${issueIdOrKey}/properties/${ASSET_PROPERTY_KEY}`, {
      headers: { accept: 'application/json' },
    });
  if (response.status === 404) return undefined;
  if (!response.ok) {
    throw new Error(`Jira answered ${response.status} reading the asset property of ${issueIdOrKey}`);
  }
  const body = (await response.json()) as { value?: Partial<AssetPropertyValue> };
  return body.value;
}
