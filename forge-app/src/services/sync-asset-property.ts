import { assetPropertyUpToDate, assetPropertyValue } from '../domain/asset-property';
import { getAssetProperty } from '../jira-client/get-asset-property';
import { setAssetProperty } from '../jira-client/set-asset-property';

/**
 * Makes the issue's `itam-assets` property list the given linked asset tags, so JQL finds the
 * issue by them. Writes only when the property differs, so repeating it changes nothing.
 * Returns whether it wrote.
 */
export async function syncAssetProperty(issueKey: string, tags: readonly string[]): Promise<boolean> {
  const wanted = assetPropertyValue(tags);
  if (assetPropertyUpToDate(await getAssetProperty(issueKey), wanted)) return false;
  await setAssetProperty(issueKey, wanted);
  return true;
}
