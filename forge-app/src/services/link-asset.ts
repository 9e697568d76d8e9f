import { ticketTextOf } from '@itam/common';
import { ItamForgeError } from '../common/errors';
import { messages } from '../common/messages';
import { inScope, ticketTypeFor } from '../domain/ticket-type';
import { getIssue } from '../jira-client/get-issue';
import type { IssueScope } from './context';
import { syncIssueArtifacts } from './sync-issue-artifacts';

/**
 * Links an asset to the issue in the register, by the issue's id, with its current key, type,
 * summary, status and resolution, then updates the issue's property and asset field. The issue
 * is read as the user, so linking works in restricted projects the app's account cannot browse.
 * Linking twice changes nothing.
 */
export async function linkAsset(scope: Omit<IssueScope, 'now'> & { assetId: string }): Promise<void> {
  const { client, config, issue: ref, assetId } = scope;
  const issue = await getIssue(ref.id, { as: 'user' });
  if (!issue) throw new ItamForgeError('not-found', `Issue ${ref.key} no longer exists.`);
  const ticketType = ticketTypeFor(issue.issueTypeId, config.issueTypes);
  if (!ticketType || !inScope(issue, config)) throw new ItamForgeError('out-of-scope', messages.outOfScope);
  await client.linkJiraIssue(issue.id, assetId, {
    issueKey: issue.key,
    ticketType,
    ...ticketTextOf(issue),
    resolved: issue.resolved,
  });
  await syncIssueArtifacts(issue.id, await client.getJiraIssueAssets(issue.id, issue.key), { mayClear: false });
}
