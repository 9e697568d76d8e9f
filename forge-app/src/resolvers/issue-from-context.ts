import { issueKeySchema, jiraIssueIdSchema } from '@itam/common';
import { ItamForgeError } from '../common/errors';
import { messages } from '../common/messages';
import { hasPermission } from '../jira-client/has-permission';
import type { IssueRef } from '../services/context';

/** The issue the UI module runs in: `context.extension.issue`, its immutable id and its key now. */
export function issueFromContext(context: { extension?: { issue?: { id?: unknown; key?: unknown } } }): IssueRef {
  const id = jiraIssueIdSchema.safeParse(String(context.extension?.issue?.id ?? ''));
  const key = issueKeySchema.safeParse(context.extension?.issue?.key);
  if (!id.success || !key.success) throw new ItamForgeError('no-issue', messages.noIssue);
  return { id: id.data, key: key.data };
}

/** The host of the site the app runs on, from the invocation context (`siteUrl`), if given. */
export function siteHostFromContext(context: { siteUrl?: unknown }): string | undefined {
  try {
    return typeof context.siteUrl === 'string' ? new URL(context.siteUrl).hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** Throws `forbidden` unless the calling user holds the permission on the issue. */
export async function requireIssuePermission(
  permission: 'BROWSE_PROJECTS' | 'EDIT_ISSUES' | 'ADD_COMMENTS',
  issue: IssueRef,
): Promise<void> {
  if (!(await hasPermission(permission, issue.id))) {
    throw new ItamForgeError('forbidden', refusal[permission]);
  }
}

const refusal = {
  BROWSE_PROJECTS: messages.cannotView,
  EDIT_ISSUES: messages.cannotEdit,
  ADD_COMMENTS: messages.cannotComment,
} as const;

/** Throws `forbidden` unless the calling user administers Jira. */
export async function requireJiraAdmin(): Promise<void> {
  if (!(await hasPermission('ADMINISTER'))) throw new ItamForgeError('forbidden', messages.notAdmin);
}
