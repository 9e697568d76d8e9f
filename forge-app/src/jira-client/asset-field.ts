import api, { route } from '@forge/api';
import { ASSET_FIELD_MODULE_KEY } from '../common/constants';

/**
 * The id (`customfield_…`) of this app's asset field on the site. A Forge field's schema names its
 * module: `ari:cloud:ecosystem::extension/<app>/<environment>/static/<module key>`.
 */
export async function findAssetFieldId(): Promise<string | undefined> {
  const response = await api.asApp().requestJira(route`/rest/api/3/field`, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`Jira answered ${response.status} listing fields`);
  const fields = (await response.json()) as { id: string; schema?: { custom?: string } }[];
  return fields.find(f => f.schema?.custom?.endsWith(`/static/${ASSET_FIELD_MODULE_KEY}`))?.id;
}

/** Sets the asset field of one issue (the app may write only its own fields' values). */
export async function setAssetFieldValue(fieldId: string, issueId: string, tags: readonly string[]): Promise<void> {
  const response = await api.asApp().requestJira(route`/rest/api/3/app/field/${fieldId}/value`, {
    method: 'PUT',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ updates: [{ issueIds: [Number(issueId)], value: [...tags] }] }),
  });
  if (!response.ok) throw new Error(`Jira answered ${response.status} setting the asset field of issue ${issueId}`);
}
