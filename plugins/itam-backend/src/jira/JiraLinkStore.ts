import type { Asset, JiraIssueDetails, JiraIssueUpdate } from '@itam/common';
import type { Stamp, StoredTicketLink } from '../database/AssetStore';

/**
 * An issue of one Jira site, by its immutable id. `issueKey` is its key now: links recorded
 * before ids were kept carry only a key, and are found (and adopted) through it.
 *
 * @public
 */
export interface JiraIssueRef {
  site: string;
  issueId: string;
  issueKey?: string;
}

/**
 * Ticket links as the Jira app sees them: one site's links, keyed by issue id. Every write runs in
 * one transaction.
 *
 * @public
 */
export interface JiraLinkStore {
  /** The issue's links with their assets, in tag order. */
  getIssueAssets(issue: JiraIssueRef): Promise<{ asset: Asset; link: StoredTicketLink }[]>;
  /** Links the asset to the issue, or refreshes the link's key and details; true when new. */
  upsertIssueLink(assetId: string, issue: JiraIssueRef, details: JiraIssueDetails, stamp: Stamp): Promise<boolean>;
  /** Removes the asset's link to the issue; false when there was none. */
  removeIssueLink(assetId: string, issue: JiraIssueRef): Promise<boolean>;
  /**
   * Records the issue's current key and details on all its links (after an edit, a move or a
   * project key rename), adopting links that were found by the key only. Answers how many links
   * the issue has.
   */
  updateIssue(issue: JiraIssueRef & { issueKey: string }, update: JiraIssueUpdate): Promise<number>;
  /** Removes every link of the issue; answers how many there were. */
  forgetIssue(issue: JiraIssueRef): Promise<number>;
}
