import type { JiraIssueAsset } from '@itam/common';
import { ASSET_PROPERTY_KEY } from '../common/constants';
import { assetPropertyAction, assetPropertyValue } from '../domain/asset-property';
import { getAssetProperty } from '../jira-client/get-asset-property';
import { setIssueProperty } from '../jira-client/set-issue-property';
import { writeAssetField } from './asset-field';

/**
 * Brings what Jira shows of an issue's assets in step with the register's links: the `itam-assets`
 * property (tags, count, owners, services, highest criticality, searched by JQL) and the asset
 * field. Writes only what differs. A non-empty property is emptied only when the app itself just
 * removed links (`mayClear`); see {@link assetPropertyAction}. Answers what it did to the property.
 */
export async function syncIssueArtifacts(
  issueId: string,
  items: readonly JiraIssueAsset[],
  options: { mayClear: boolean; fieldTags?: readonly string[] },
): Promise<'write' | 'keep' | 'refuse-clear'> {
  const wanted = assetPropertyValue(items);
  const action = assetPropertyAction(await getAssetProperty(issueId), wanted, options.mayClear);
  if (action === 'refuse-clear') {
    console.warn(`ITAM: the register has no links for issue ${issueId}; its asset property is left as it was`);
    return action;
  }
  if (action === 'write') await setIssueProperty(issueId, ASSET_PROPERTY_KEY, wanted);
  await writeAssetField(issueId, wanted.tags, options.fieldTags);
  return action;
}
