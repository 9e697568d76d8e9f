import { issueKeySchema } from '@itam/common';
import { loadBackendIfConfigured } from '../backend-client/create-backend-client';
import { toResolverError } from '../resolvers/respond';
import { forgetIssue } from '../services/forget-issue';
import { syncIssue } from '../services/sync-issue';

/** The part of a Jira issue event (`avi:jira:*:issue`) the app reads. */
export interface IssueEvent {
  eventType?: string;
  issue?: { id?: string; key?: string };
}

/**
 * Keeps the register in step with an issue event. Does nothing before the app is configured or
 * for an event without a usable issue key. Failures are logged by code only and rethrown, so the
 * invocation shows as failed; running the same event again is safe, as every step is idempotent.
 */
async function handle(event: IssueEvent, work: 'sync' | 'forget'): Promise<void> {
  const key = issueKeySchema.safeParse(event?.issue?.key);
  if (!key.success) return;
  const backend = await loadBackendIfConfigured();
  if (!backend) return;
  const scope = { client: backend.client, site: backend.config.site, issueKey: key.data };
  try {
    if (work === 'forget') await forgetIssue(scope);
    else await syncIssue({ ...scope, issueTypes: backend.config.issueTypes });
  } catch (e) {
    const { code } = toResolverError(e);
    console.error(`ITAM: ${event.eventType ?? 'issue event'} for ${key.data} failed (${code})`);
    throw e;
  }
}

/** `avi:jira:created:issue`: records summary and status on links that already exist. */
export const onIssueCreated = (event: IssueEvent) => handle(event, 'sync');
/** `avi:jira:updated:issue`: updates summary, status and resolution of the issue's links. */
export const onIssueUpdated = (event: IssueEvent) => handle(event, 'sync');
/** `avi:jira:deleted:issue`: removes every link of the deleted issue. */
export const onIssueDeleted = (event: IssueEvent) => handle(event, 'forget');
