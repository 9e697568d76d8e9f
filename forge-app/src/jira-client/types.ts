/** The fields of a Jira issue the app keeps in step with the register. */
export interface IssueState {
  key: string;
  summary: string;
  status: string;
  resolved: boolean;
  issueType: string;
}

/** Value of the `itam-assets` issue property (indexed by the jira:entityProperty module). */
export interface AssetPropertyValue {
  tags: string[];
  count: number;
}
