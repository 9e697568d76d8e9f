import { InvocationError, InvocationErrorCode } from '@forge/events';
import { ItamApiError, jiraIssueIdSchema } from '@itam/common';
import { loadBackendIfConfigured } from '../backend-client/create-backend-client';
import { RETRY_AFTER_SECONDS } from '../common/constants';
import { toResolverError } from '../resolvers/respond';
import { assetFieldId } from '../services/asset-field';
import { forgetIssue } from '../services/forget-issue';
import { resyncRecentlyUpdated } from '../services/resync';
import { syncIssue } from '../services/sync-issue';

/** The part of a Jira issue event (`avi:jira:*:issue`) the app reads. */
export interface IssueEvent {
  eventType?: string;
  issue?: { id?: string | number; key?: string };
  changelog?: { items?: { fieldId?: string; field?: string }[] };
}

/**
 * Whether a failure is the backend being unreachable or failing (worth a retry later), rather
 * than a request it refused: network errors, timeouts and 5xx, 429.
 */
export function isTransient(e: unknown): boolean {
  if (e instanceof ItamApiError) return e.status >= 500 || e.status === 429;
  return true;
}

/** Asks Forge to deliver the event again later (at most four times, per Atlassian's docs). */
const retryLater = (what: string) =>
  new InvocationError({
    retryAfter: RETRY_AFTER_SECONDS,
    retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
    retryData: { what },
  });

/**
 * Keeps the register in step with an issue event. Does nothing before the app is configured, for
 * an event without an issue id, or for an issue outside the projects and issue types in scope (the
 * manifest's filter drops most such events before they reach the app). When the backend cannot
 * be reached, answers an `InvocationError` so Forge retries the event; a failure the backend
 * answered deliberately (4xx) is logged by code only. Every step is idempotent, so a retry or a
 * redelivery changes nothing twice.
 */
async function handle(event: IssueEvent, work: 'sync' | 'forget'): Promise<InvocationError | void> {
  const id = jiraIssueIdSchema.safeParse(String(event?.issue?.id ?? ''));
  if (!id.success) return;
  const backend = await loadBackendIfConfigured();
  if (!backend) return;
  try {
    if (work === 'forget') {
      await forgetIssue(backend.client, id.data);
      return;
    }
    const fieldId = await assetFieldId();
    const fieldEdited =
      fieldId !== undefined &&
      (event.eventType === 'avi:jira:created:issue' || (event.changelog?.items ?? []).some(i => i.fieldId === fieldId));
    await syncIssue({ client: backend.client, config: backend.config, issueId: id.data, fieldEdited });
  } catch (e) {
    const { code } = toResolverError(e);
    console.error(`ITAM: ${event.eventType ?? 'issue event'} for issue ${id.data} failed (${code})`);
    if (isTransient(e)) return retryLater(`${work} ${id.data}`);
  }
}

/** `avi:jira:created:issue`: links the assets named in the asset field on the create screen or request form. */
export const onIssueCreated = (event: IssueEvent) => handle(event, 'sync');
/** `avi:jira:updated:issue`: key (after a move), summary, status, resolution, and asset field edits. */
export const onIssueUpdated = (event: IssueEvent) => handle(event, 'sync');
/** `avi:jira:deleted:issue`: removes every link of the deleted issue. */
export const onIssueDeleted = (event: IssueEvent) => handle(event, 'forget');

/**
 * The hourly `scheduledTrigger`: resyncs linked issues updated recently, catching what events
 * missed. Failures are logged; the next run covers the same window again.
 */
export async function resyncLinkedIssues(): Promise<void> {
  const backend = await loadBackendIfConfigured();
  if (!backend) return;
  try {
    const synced = await resyncRecentlyUpdated(backend.client, backend.config);
    // Forge keeps warn and error in the app's logs; a count of what the run did belongs there.
    console.warn(`ITAM: resynced ${synced} recently updated linked issues`);
  } catch (e) {
    console.error(`ITAM: resync failed (${toResolverError(e).code})`);
  }
}
