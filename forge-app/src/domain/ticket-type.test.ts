import { inScope, panelIssueTypes, ticketTypeFor } from './ticket-type';

const issueTypes = { incident: ['10001'], problem: ['10002'], request: ['10003'], change: ['10004'] };

describe('issue types and scope', () => {
  it('maps issue type ids to ticket types, exactly', () => {
    expect(ticketTypeFor('10001', issueTypes)).toBe('incident');
    expect(ticketTypeFor('10003', issueTypes)).toBe('request');
    expect(ticketTypeFor('10004', issueTypes)).toBe('change');
    expect(ticketTypeFor('10005', issueTypes)).toBeUndefined();
    expect(ticketTypeFor('Incident', issueTypes)).toBeUndefined();
  });

  it('takes an issue in scope when its type is mapped and its project chosen (none chosen: every project)', () => {
    expect(inScope({ projectId: '10000', issueTypeId: '10001' }, { issueTypes, projects: ['10000'] })).toBe(true);
    expect(inScope({ projectId: '10030', issueTypeId: '10001' }, { issueTypes, projects: ['10000'] })).toBe(false);
    expect(inScope({ projectId: '10030', issueTypeId: '10001' }, { issueTypes, projects: [] })).toBe(true);
    expect(inScope({ projectId: '10000', issueTypeId: '10005' }, { issueTypes, projects: [] })).toBe(false);
  });

  it('publishes the ids the display conditions compare: type ids as strings, project ids as numbers', () => {
    expect(panelIssueTypes({ issueTypes, projects: ['10000', '10010'] })).toEqual({
      incidentPanel: ['10001', '10002', '10003'],
      changePanel: ['10004'],
      projects: [10000, 10010],
    });
  });
});
