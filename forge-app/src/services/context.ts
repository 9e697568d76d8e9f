import type { ItamApi } from '@itam/common';

/** What every issue helper works with: the backend, the site and issue, and the time. */
export interface IssueScope {
  client: ItamApi;
  site: string;
  issueKey: string;
  now: Date;
}
