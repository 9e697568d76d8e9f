import type { AssetTicket } from '@itam/common';
import { INCIDENT_WINDOW_DAYS, RECENT_INCIDENT_KEYS } from '../common/constants';
import { daysBefore } from './dates';

/** Whether a ticket link is of this issue: by id, or by key for a link made before ids were kept. */
export const isLinkOf = (t: Pick<AssetTicket, 'issueId' | 'issueKey'>, issue: { id: string; key: string }) =>
  t.issueId === issue.id || (t.issueId === undefined && t.issueKey === issue.key);

/**
 * An asset's incident history seen from one issue: the other incident tickets linked to it (the
 * backend serves a Jira site only its own site's), the count within the window (by link time, the
 * register's record of when the asset was involved), and the most recent ones, newest first.
 */
export function incidentHistory(
  tickets: readonly AssetTicket[],
  options: { now: Date; issue: { id: string; key: string } },
): { recentCount: number; recent: AssetTicket[] } {
  const since = daysBefore(options.now, INCIDENT_WINDOW_DAYS).getTime();
  const incidents = tickets
    .filter(t => t.ticketType === 'incident')
    .filter(t => !isLinkOf(t, options.issue))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.issueKey.localeCompare(a.issueKey));
  return {
    recentCount: incidents.filter(t => Date.parse(t.createdAt) >= since).length,
    recent: incidents.slice(0, RECENT_INCIDENT_KEYS),
  };
}

/**
 * Keys the viewer may open, and how many others there are: a ticket is listed only when its issue
 * id is among those the viewer may browse (links made before ids were kept are counted only).
 */
export function visibleKeys(
  tickets: readonly Pick<AssetTicket, 'issueKey' | 'issueId'>[],
  browsable: ReadonlySet<string>,
): { keys: string[]; hidden: number } {
  const keys = tickets.filter(t => t.issueId !== undefined && browsable.has(t.issueId)).map(t => t.issueKey);
  return { keys, hidden: tickets.length - keys.length };
}
