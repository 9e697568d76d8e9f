import type { ItamApi } from '@itam/common';
import type { IssueTypeConfig } from '../common/types';
import { linkUpdate } from '../domain/link-update';
import { ticketTypeFor } from '../domain/ticket-type';
import { getIssue } from '../jira-client/get-issue';
import { syncAssetProperty } from './sync-asset-property';

/**
 * Brings the register's links of an issue in step with the issue as Jira has it now (summary,
 * status, resolution, type), then the issue's asset property. Reads the issue rather than
 * trusting the event, so late or repeated events cannot roll a link back; writes only what
 * differs, so a redelivered event changes nothing. Returns how many links it updated.
 */
export async function syncIssue(options: {
  client: ItamApi;
  site: string;
  issueKey: string;
  issueTypes: IssueTypeConfig;
}): Promise<number> {
  const { client, site, issueKey } = options;
  const linked = await client.getTicketAssets(site, issueKey);
  let updated = 0;
  if (linked.length > 0) {
    const issue = await getIssue(issueKey);
    if (!issue) return 0;
    const ticketType = ticketTypeFor(issue.issueType, options.issueTypes);
    for (const { asset, link } of linked) {
      const update = linkUpdate(link, issue, ticketType);
      if (update) {
        await client.linkTicket(asset.id, update);
        updated += 1;
      }
    }
  }
  await syncAssetProperty(issueKey, linked.map(l => l.asset.tag));
  return updated;
}
