import { TICKET_TYPES, type TicketType } from '@itam/common';
import type { BackendConfig, IssueTypeConfig } from '../common/types';
import type { IssueTypesPropertyValue } from '../jira-client/set-issue-types-property';

/** The register's ticket type for a Jira issue type id, or undefined if none is configured. */
export function ticketTypeFor(issueTypeId: string, config: IssueTypeConfig): TicketType | undefined {
  return TICKET_TYPES.find(type => config[type].includes(issueTypeId));
}

/**
 * Whether the app works on an issue: its project is in scope (no projects chosen means every
 * project) and its issue type is one the admin mapped to a ticket type.
 */
export function inScope(
  issue: { projectId: string; issueTypeId: string },
  config: Pick<BackendConfig, 'projects' | 'issueTypes'>,
): boolean {
  return (
    (config.projects.length === 0 || config.projects.includes(issue.projectId)) &&
    ticketTypeFor(issue.issueTypeId, config.issueTypes) !== undefined
  );
}

/** The issue types each panel shows on (incidents, problems and requests; changes) and the projects. */
export function panelIssueTypes(config: Pick<BackendConfig, 'projects' | 'issueTypes'>): IssueTypesPropertyValue {
  return {
    incidentPanel: [...config.issueTypes.incident, ...config.issueTypes.problem, ...config.issueTypes.request],
    changePanel: [...config.issueTypes.change],
    projects: config.projects.map(Number),
  };
}
