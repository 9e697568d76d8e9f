import { TICKET_TYPES, type TicketType } from '@itam/common';
import type { IssueTypeConfig } from '../common/types';
import type { IssueTypesPropertyValue } from '../jira-client/set-issue-types-property';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The register's ticket type for a Jira issue type name, or undefined if none is configured. */
export function ticketTypeFor(issueType: string, config: IssueTypeConfig): TicketType | undefined {
  return TICKET_TYPES.find(type => config[type].some(name => same(name, issueType)));
}

/** The issue types each panel shows on: incidents, problems and requests; changes. */
export function panelIssueTypes(config: IssueTypeConfig): IssueTypesPropertyValue {
  return {
    incidentPanel: [...config.incident, ...config.problem, ...config.request],
    changePanel: [...config.change],
  };
}
