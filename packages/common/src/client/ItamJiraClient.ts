import type { Asset } from '../asset/types';
import { ASSET_LIST_LICENCES_INCLUDE, type AssetLicenceSummary } from '../licence/assetLicences';
import type { JiraIssueDetailsInput, JiraIssueUpdateInput } from '../links/jira';
import type { EntityLink } from '../links/schema';
import { ItamClient } from './ItamClient';
import { withListedLicences } from './listedLicences';
import type { AssetTicket, ItamApi } from './types';

/**
 * An asset linked to a Jira issue, with the link (current key, summary, status) and the catalogue
 * entities the asset serves (for the issue's JQL values).
 *
 * @public
 */
export interface JiraIssueAsset {
  asset: Asset;
  link: AssetTicket;
  entities: EntityLink[];
  /** The asset's licence status, when the list was asked for it (`withLicences`). */
  licences?: AssetLicenceSummary;
}

/**
 * Who the register takes a Jira caller to be: the site its links belong to, the actor written to
 * history, how the caller proved it, and what it may do.
 *
 * @public
 */
export interface JiraConnection {
  site: string;
  actor: string;
  via: 'forge-invocation-token' | 'static-token';
  permissions: string[];
}

/**
 * The Jira app's part of the API. The site is never sent: the backend takes it from the caller's
 * credentials (a Forge invocation token, or a static token bound to one site).
 *
 * @public
 */
export interface ItamJiraApi extends ItamApi {
  getJiraConnection(): Promise<JiraConnection>;
  /** The issue's linked assets by issue id; `issueKey` also finds links made before ids were kept. */
  /** The issue's assets; with `withLicences`, each with its licence status. */
  getJiraIssueAssets(issueId: string, issueKey?: string, options?: { withLicences?: boolean }): Promise<JiraIssueAsset[]>;
  /** Links (or refreshes the details of) an asset and an issue; true when the link is new. */
  linkJiraIssue(issueId: string, assetId: string, details: JiraIssueDetailsInput): Promise<boolean>;
  unlinkJiraIssue(issueId: string, assetId: string): Promise<void>;
  /** Records the issue's current key and details on all its links, adopting links found by key. */
  updateJiraIssue(issueId: string, update: JiraIssueUpdateInput): Promise<JiraIssueAsset[]>;
  /** Removes every link of a deleted issue; answers how many there were. */
  forgetJiraIssue(issueId: string): Promise<number>;
}

const issuePath = (issueId: string) => `/jira/issues/${encodeURIComponent(issueId)}`;

/**
 * {@link ItamClient} with the Jira routes, for the Forge app.
 *
 * @public
 */
export class ItamJiraClient extends ItamClient implements ItamJiraApi {
  getJiraConnection(): Promise<JiraConnection> {
    return this.request('GET', '/jira/connection');
  }

  async getJiraIssueAssets(issueId: string, issueKey?: string, options: { withLicences?: boolean } = {}): Promise<JiraIssueAsset[]> {
    const params = new URLSearchParams({
      ...(issueKey ? { issueKey } : {}),
      ...(options.withLicences ? { include: ASSET_LIST_LICENCES_INCLUDE } : {}),
    }).toString();
    const query = params ? `?${params}` : '';
    const body = await this.request<{ items: JiraIssueAsset[]; licences?: Record<string, AssetLicenceSummary> }>('GET', `${issuePath(issueId)}/assets${query}`);
    return withListedLicences(body.items, body.licences);
  }

  async linkJiraIssue(issueId: string, assetId: string, details: JiraIssueDetailsInput): Promise<boolean> {
    const body = await this.request<{ created: boolean }>(
      'PUT',
      `${issuePath(issueId)}/assets/${encodeURIComponent(assetId)}`,
      details,
    );
    return body.created;
  }

  async unlinkJiraIssue(issueId: string, assetId: string): Promise<void> {
    await this.request('DELETE', `${issuePath(issueId)}/assets/${encodeURIComponent(assetId)}`);
  }

  async updateJiraIssue(issueId: string, update: JiraIssueUpdateInput): Promise<JiraIssueAsset[]> {
    return (await this.request<{ items: JiraIssueAsset[] }>('PUT', issuePath(issueId), update)).items;
  }

  async forgetJiraIssue(issueId: string): Promise<number> {
    return (await this.request<{ removed: number }>('DELETE', `${issuePath(issueId)}/assets`)).removed;
  }
}
