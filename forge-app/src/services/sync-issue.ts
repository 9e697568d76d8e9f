import { ItamApiError, ticketTextOf, type ItamJiraApi } from '@itam/common';
import type { BackendConfig } from '../common/types';
import { inScope, ticketTypeFor } from '../domain/ticket-type';
import { getIssue } from '../jira-client/get-issue';
import type { IssueState } from '../jira-client/types';
import { fieldTags } from '../domain/asset-field-value';
import { assetFieldId } from './asset-field';
import { syncIssueArtifacts } from './sync-issue-artifacts';

/** What a sync did: nothing for an issue out of scope or gone; else how many links it added or removed. */
export type SyncOutcome =
  | { status: 'out-of-scope' | 'gone' }
  | { status: 'synced'; linked: number; unlinked: number; unknownTags: string[] };

/**
 * Brings the register's links of an issue in step with the issue as Jira has it now: its current
 * key (a move or a key rename keeps the links, which are keyed by id), summary, status and
 * resolution; then the issue's property and asset field. When the asset field was edited (on a
 * create or transition screen, a request form, or inline), the field wins: tags added are linked,
 * tags removed unlinked. Reads the issue rather than trusting the event, so late or repeated
 * events cannot roll a link back; writes only what differs.
 */
export async function syncIssue(options: {
  client: ItamJiraApi;
  config: BackendConfig;
  issueId: string;
  /** The asset field was edited in this event (or set when the issue was created). */
  fieldEdited?: boolean;
}): Promise<SyncOutcome> {
  const { client, config, issueId } = options;
  const fieldId = await assetFieldId();
  const issue = await getIssue(issueId, { as: 'app', fields: fieldId ? [fieldId] : [] });
  if (!issue) return { status: 'gone' };
  if (!inScope(issue, config)) return { status: 'out-of-scope' };
  const tags = fieldId ? fieldTags(issue.fields[fieldId]) : [];
  const field = options.fieldEdited && fieldId ? await applyField(client, config, issue, tags) : undefined;
  const items = await client.updateJiraIssue(issue.id, {
    issueKey: issue.key,
    ...ticketTextOf(issue),
    resolved: issue.resolved,
  });
  await syncIssueArtifacts(issue.id, items, { mayClear: (field?.unlinked ?? 0) > 0, fieldTags: fieldId ? tags : undefined });
  return { status: 'synced', linked: field?.linked ?? 0, unlinked: field?.unlinked ?? 0, unknownTags: field?.unknownTags ?? [] };
}

/** Links the assets the field names and unlinks those it no longer names. */
async function applyField(client: ItamJiraApi, config: BackendConfig, issue: IssueState, tags: string[]) {
  const ticketType = ticketTypeFor(issue.issueTypeId, config.issueTypes)!;
  const current = await client.getJiraIssueAssets(issue.id, issue.key);
  const wanted = new Set(tags.map(t => t.toUpperCase()));
  const have = new Set(current.map(c => c.asset.tag.toUpperCase()));
  let linked = 0;
  let unlinked = 0;
  const unknownTags: string[] = [];
  for (const tag of tags) {
    if (have.has(tag.toUpperCase())) continue;
    let assetId: string;
    try {
      assetId = (await client.getAsset(tag)).id;
    } catch (e) {
      if (e instanceof ItamApiError && e.status === 404) {
        unknownTags.push(tag);
        continue;
      }
      throw e;
    }
    await client.linkJiraIssue(issue.id, assetId, {
      issueKey: issue.key,
      ticketType,
      ...ticketTextOf(issue),
      resolved: issue.resolved,
    });
    linked += 1;
  }
  for (const { asset } of current) {
    if (wanted.has(asset.tag.toUpperCase())) continue;
    await client.unlinkJiraIssue(issue.id, asset.id);
    unlinked += 1;
  }
  return { linked, unlinked, unknownTags };
}
