import type { ItamJiraApi } from '@itam/common';
import type { BackendConfig } from '../common/types';

/** The issue a panel or event is about: its immutable id and its key now. */
export interface IssueRef {
  id: string;
  key: string;
}

/** What every issue helper works with: the backend and its settings, the issue, and the time. */
export interface IssueScope {
  client: ItamJiraApi;
  config: BackendConfig;
  issue: IssueRef;
  now: Date;
}
