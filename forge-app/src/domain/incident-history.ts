import type { AssetTicket } from '@itam/common';
import { INCIDENT_WINDOW_DAYS, RECENT_INCIDENT_KEYS } from '../common/constants';
import { daysBefore } from './dates';

/**
 * An asset's incident history seen from one issue: the other incident tickets linked to it
 * within the window (by link time, the register's record of when the asset was involved), and
 * the keys of the most recent ones, newest first.
 */
export function incidentHistory(
  tickets: readonly AssetTicket[],
  options: { now: Date; site: string; excludeIssueKey: string },
): { recentCount: number; recentKeys: string[] } {
  const since = daysBefore(options.now, INCIDENT_WINDOW_DAYS).getTime();
  const incidents = tickets
    .filter(t => t.ticketType === 'incident')
    .filter(t => !(t.site === options.site && t.issueKey === options.excludeIssueKey))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.issueKey.localeCompare(a.issueKey));
  return {
    recentCount: incidents.filter(t => Date.parse(t.createdAt) >= since).length,
    recentKeys: incidents.slice(0, RECENT_INCIDENT_KEYS).map(t => t.issueKey),
  };
}
