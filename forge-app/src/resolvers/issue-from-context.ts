import { issueKeySchema } from '@itam/common';
import { ItamForgeError } from '../common/errors';
import { messages } from '../common/messages';
import { hasPermission } from '../jira-client/has-permission';

/** The issue key of the issue view the UI module runs in (`context.extension.issue.key`). */
export function issueKeyFromContext(context: { extension?: { issue?: { key?: unknown } } }): string {
  const parsed = issueKeySchema.safeParse(context.extension?.issue?.key);
  if (!parsed.success) throw new ItamForgeError('no-issue', messages.noIssue);
  return parsed.data;
}

/** Throws `forbidden` unless the calling user holds the permission on the issue. */
export async function requireIssuePermission(
  permission: 'BROWSE_PROJECTS' | 'EDIT_ISSUES' | 'ADD_COMMENTS',
  issueKey: string,
): Promise<void> {
  if (!(await hasPermission(permission, issueKey))) {
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
