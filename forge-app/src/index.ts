// Function handlers named in manifest.yml, nothing else.
export { handler as resolver } from './resolvers';
export { onIssueCreated, onIssueDeleted, onIssueUpdated, resyncLinkedIssues } from './triggers/issue-events';
