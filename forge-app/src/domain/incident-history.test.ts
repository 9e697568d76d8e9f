import type { AssetTicket } from '@itam/common';
import { incidentHistory } from './incident-history';

const ticket = (issueKey: string, createdAt: string, patch: Partial<AssetTicket> = {}): AssetTicket => ({
  assetId: 'a1',
  site: 'acme.atlassian.net',
  issueKey,
  ticketType: 'incident',
  resolved: true,
  createdAt,
  createdBy: 'jira-acme',
  ...patch,
});

describe('incidentHistory', () => {
  const now = new Date('2026-06-15T12:00:00Z');
  const options = { now, site: 'acme.atlassian.net', excludeIssueKey: 'OPS-9' };

  it('counts other incidents within 90 days and lists the last five, newest first', () => {
    const tickets = [
      ticket('OPS-1', '2026-01-01T00:00:00Z'),
      ticket('OPS-2', '2026-03-17T12:00:00Z'), // exactly 90 days before: counted
      ticket('OPS-3', '2026-04-01T00:00:00Z'),
      ticket('OPS-4', '2026-05-01T00:00:00Z'),
      ticket('OPS-5', '2026-05-02T00:00:00Z'),
      ticket('OPS-6', '2026-06-01T00:00:00Z'),
      ticket('OPS-9', '2026-06-14T00:00:00Z'), // this issue
      ticket('CHG-1', '2026-06-10T00:00:00Z', { ticketType: 'change' }),
    ];
    expect(incidentHistory(tickets, options)).toEqual({
      recentCount: 5,
      recentKeys: ['OPS-6', 'OPS-5', 'OPS-4', 'OPS-3', 'OPS-2'],
    });
  });

  it('keeps the same key from another site, and is empty without incidents', () => {
    const other = ticket('OPS-9', '2026-06-01T00:00:00Z', { site: 'other.atlassian.net' });
    expect(incidentHistory([other], options)).toEqual({ recentCount: 1, recentKeys: ['OPS-9'] });
    expect(incidentHistory([], options)).toEqual({ recentCount: 0, recentKeys: [] });
  });
});
