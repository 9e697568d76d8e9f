import type { AssetTicket, TicketLinkInput, TicketType } from '@itam/common';
import type { IssueState } from '../jira-client/types';

/**
 * What to send the register so a ticket link matches the issue, or undefined when it already
 * does: this is what makes a redelivered event change nothing. Keeps the link's ticket type when
 * the issue's type maps to none.
 */
export function linkUpdate(
  link: AssetTicket,
  issue: IssueState,
  ticketType: TicketType | undefined,
): TicketLinkInput | undefined {
  const wanted = {
    ticketType: ticketType ?? link.ticketType,
    summary: issue.summary.slice(0, 500),
    status: issue.status.slice(0, 100),
    resolved: issue.resolved,
  };
  const unchanged =
    wanted.ticketType === link.ticketType &&
    wanted.summary === (link.summary ?? '') &&
    wanted.status === (link.status ?? '') &&
    wanted.resolved === link.resolved;
  return unchanged ? undefined : { site: link.site, issueKey: link.issueKey, ...wanted };
}
