import type { ItamApi } from '@itam/common';
import { ItamForgeError } from '../common/errors';
import type { IssueTypeConfig } from '../common/types';
import { ticketTypeFor } from '../domain/ticket-type';
import { getIssue } from '../jira-client/get-issue';
import { syncAssetProperty } from './sync-asset-property';

/**
 * Links an asset to the issue in the register, with the issue's type, summary, status and
 * resolution, then updates the issue's asset property. Linking twice changes nothing.
 */
export async function linkAsset(options: {
  client: ItamApi;
  site: string;
  issueKey: string;
  assetId: string;
  issueTypes: IssueTypeConfig;
}): Promise<void> {
  const { client, site, issueKey, assetId } = options;
  const issue = await getIssue(issueKey);
  if (!issue) throw new ItamForgeError('not-found', `Issue ${issueKey} no longer exists.`);
  const ticketType = ticketTypeFor(issue.issueType, options.issueTypes);
  if (!ticketType) {
    throw new ItamForgeError(
      'invalid-input',
      `Issues of type ${issue.issueType} are not tracked; a Jira admin can add the type on the ITAM register admin page.`,
    );
  }
  await client.linkTicket(assetId, {
    site,
    issueKey,
    ticketType,
    summary: issue.summary.slice(0, 500),
    status: issue.status.slice(0, 100),
    resolved: issue.resolved,
  });
  const linked = await client.getTicketAssets(site, issueKey);
  await syncAssetProperty(issueKey, linked.map(l => l.asset.tag));
}
