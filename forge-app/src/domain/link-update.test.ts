import type { AssetTicket } from '@itam/common';
import { linkUpdate } from './link-update';

const link: AssetTicket = {
  assetId: 'a1',
  site: 'acme.atlassian.net',
  issueKey: 'OPS-1',
  ticketType: 'incident',
  summary: 'Disk full',
  status: 'Open',
  resolved: false,
  createdAt: '2026-06-01T00:00:00Z',
  createdBy: 'jira-acme',
};
const issue = { key: 'OPS-1', summary: 'Disk full', status: 'Open', resolved: false, issueType: 'Incident' };

describe('linkUpdate', () => {
  it('is undefined when the link already matches the issue', () => {
    expect(linkUpdate(link, issue, 'incident')).toBeUndefined();
  });

  it('sends the changed state, keeping site and key', () => {
    expect(linkUpdate(link, { ...issue, status: 'Resolved', resolved: true }, 'incident')).toEqual({
      site: 'acme.atlassian.net',
      issueKey: 'OPS-1',
      ticketType: 'incident',
      summary: 'Disk full',
      status: 'Resolved',
      resolved: true,
    });
  });

  it('follows a change of issue type, and keeps the link type for an unmapped one', () => {
    expect(linkUpdate(link, issue, 'problem')).toMatchObject({ ticketType: 'problem' });
    expect(linkUpdate(link, issue, undefined)).toBeUndefined();
  });

  it('treats a missing summary as empty and trims to the register limits', () => {
    const { summary: _summary, ...bare } = link;
    expect(linkUpdate(bare, { ...issue, summary: '' }, 'incident')).toBeUndefined();
    expect(linkUpdate(link, { ...issue, summary: 'x'.repeat(600) }, 'incident')?.summary).toHaveLength(500);
  });
});
