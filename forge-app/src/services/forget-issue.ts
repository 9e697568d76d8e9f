import type { ItamJiraApi } from '@itam/common';

/**
 * A deleted issue: removes all its links from the register. Returns how many it removed; a
 * redelivered event finds none and changes nothing.
 */
export function forgetIssue(client: ItamJiraApi, issueId: string): Promise<number> {
  return client.forgetJiraIssue(issueId);
}
