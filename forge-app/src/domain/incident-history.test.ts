import type { AssetTicket } from '@itam/common';
import { incidentHistory, visibleKeys } from './incident-history';

const ticket = (issueKey: string, createdAt: string, patch: Partial<AssetTicket> = {}): AssetTicket => ({
  assetId: 'a1',
  site: 'acme.atlassian.net',
  issueKey,
  issueId: `1${issueKey.split('-')[1].padStart(4, '0')}`,
  ticketType: 'incident',
  resolved: true,
  createdAt,
  createdBy: 'jira:acme.atlassian.net/u-1',
  ...patch,
});

describe('incidentHistory', () => {
  const now = new Date('2026-06-15T12:00:00Z');
  const options = { now, issue: { id: '10009', key: 'OPS-9' } };
  const keys = (tickets: AssetTicket[]) => tickets.map(t => t.issueKey);

  it('counts other incidents within 90 days and keeps the last five, newest first', () => {
    const tickets = [
      ticket('OPS-1', '2026-01-01T00:00:00Z'),
      ticket('OPS-2', '2026-03-17T12:00:00Z'), // exactly 90 days before: counted
      ticket('OPS-3', '2026-04-01T00:00:00Z'),
      ticket('OPS-4', '2026-05-01T00:00:00Z'),
      ticket('OPS-5', '2026-05-02T00:00:00Z'),
      ticket('OPS-6', '2026-06-01T00:00:00Z'),
      ticket('SUP-9', '2026-06-14T00:00:00Z', { issueId: '10009' }), // this issue, under an older key
      ticket('CHG-1', '2026-06-10T00:00:00Z', { ticketType: 'change' }),
    ];
    const history = incidentHistory(tickets, options);
    expect(history.recentCount).toBe(5);
    expect(keys(history.recent)).toEqual(['OPS-6', 'OPS-5', 'OPS-4', 'OPS-3', 'OPS-2']);
  });

  it('leaves out this issue’s link made before ids were kept (by key), and is empty without incidents', () => {
    const legacy = ticket('OPS-9', '2026-06-01T00:00:00Z', { issueId: undefined });
    expect(incidentHistory([legacy], options)).toEqual({ recentCount: 0, recent: [] });
    expect(incidentHistory([], options)).toEqual({ recentCount: 0, recent: [] });
  });
});

describe('visibleKeys', () => {
  it('lists keys the viewer may browse and counts the rest (links without an id included)', () => {
    const tickets = [ticket('OPS-1', '2026-01-01T00:00:00Z'), ticket('OPS-2', '2026-01-02T00:00:00Z'), ticket('OPS-3', '2026-01-03T00:00:00Z', { issueId: undefined })];
    expect(visibleKeys(tickets, new Set(['10001']))).toEqual({ keys: ['OPS-1'], hidden: 2 });
    expect(visibleKeys([], new Set())).toEqual({ keys: [], hidden: 0 });
  });
});
