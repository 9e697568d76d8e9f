/** User-facing texts of expected failures. */
export const messages = {
  notConfigured:
    'The ITAM register is not connected yet. A Jira admin sets it up under Apps > ITAM register.',
  outOfScope:
    'This issue is not in a project or issue type the ITAM register tracks; a Jira admin can add it under Apps > ITAM register.',
  notAdmin: 'Only Jira administrators can change the ITAM register settings.',
  cannotView: 'You do not have permission to view this issue.',
  cannotEdit: 'You need permission to edit this issue to link or unlink assets.',
  cannotComment: 'You need permission to comment on this issue to record the assessment.',
  nothingToRecord: 'No assets are linked to this change, so there is no assessment to record.',
  noIssue: 'This view has no issue.',
  backendUnauthorized:
    'The ITAM register did not accept this Jira site. A Jira admin can check the connection under Apps > ITAM register.',
  backendForbidden: 'The ITAM register does not allow this app to do that.',
  backendError: 'The ITAM register could not be reached or failed. Try again later.',
  unexpected: 'Something went wrong. Try again later.',
} as const;
