import { DEFAULT_ISSUE_TYPES } from '../common/constants';
import { panelIssueTypes, ticketTypeFor } from './ticket-type';

describe('issue types', () => {
  it('maps issue type names to ticket types, ignoring case and spaces', () => {
    expect(ticketTypeFor('Incident', DEFAULT_ISSUE_TYPES)).toBe('incident');
    expect(ticketTypeFor(' service request ', DEFAULT_ISSUE_TYPES)).toBe('request');
    expect(ticketTypeFor('Change', DEFAULT_ISSUE_TYPES)).toBe('change');
    expect(ticketTypeFor('Story', DEFAULT_ISSUE_TYPES)).toBeUndefined();
  });

  it('shows the incident panel on incidents, problems and requests, the change panel on changes', () => {
    expect(panelIssueTypes(DEFAULT_ISSUE_TYPES)).toEqual({
      incidentPanel: ['Incident', 'Problem', 'Service Request'],
      changePanel: ['Change'],
    });
  });
});
