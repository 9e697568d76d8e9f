/** The fields of a Jira issue the app keeps in step with the register. */
export interface IssueState {
  /** The immutable issue id; links are keyed by it. */
  id: string;
  /** The key now (it changes when the issue moves or its project key is renamed). */
  key: string;
  summary: string;
  status: string;
  resolved: boolean;
  issueTypeId: string;
  issueType: string;
  projectId: string;
  dueDate?: string;
  /** Values of the other fields asked for, by field id. */
  fields: Record<string, unknown>;
}

/** Value of the `itam-assets` issue property (indexed by the jira:entityProperty module). */
export interface AssetPropertyValue {
  tags: string[];
  count: number;
  /** Owners of the linked assets (entity refs). */
  owners: string[];
  /** Catalogue entities the linked assets serve (entity refs). */
  services: string[];
  /** The most critical tier among the linked assets (1 is the most critical); absent without assets. */
  highestCriticality?: number;
}

/** Value of the `itam-risk` issue property: the last recorded change assessment. */
export interface RiskPropertyValue {
  score: number;
  level: string;
  assessedAt: string;
}
