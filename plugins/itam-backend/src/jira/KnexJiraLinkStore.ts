import type { Asset, JiraIssueDetails, JiraIssueUpdate } from '@itam/common';
import type { Knex } from 'knex';
import type { Stamp, StoredTicketLink } from '../database/AssetStore';
import { rowToTicketLink } from '../database/KnexAssetStore';
import { rowToAsset } from '../database/rows';
import type { JiraIssueRef, JiraLinkStore } from './JiraLinkStore';

type LinkRow = {
  asset_id: string;
  site: string;
  issue_key: string;
  issue_id: string | null;
  ticket_type: string;
  summary: string | null;
  status: string | null;
  resolved: boolean | number;
  created_by: string;
  created_at: string;
};

/**
 * {@link JiraLinkStore} on the plugin's database (the `itam_ticket_links` table the asset store
 * also reads). A link found by key only is rewritten with the issue id the first time it is
 * written through here.
 *
 * @public
 */
export class KnexJiraLinkStore implements JiraLinkStore {
  /** A store on the plugin's (migrated) database. */
  static create(db: Knex): KnexJiraLinkStore {
    return new KnexJiraLinkStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async getIssueAssets(issue: JiraIssueRef): Promise<{ asset: Asset; link: StoredTicketLink }[]> {
    const rows = await this.db('itam_ticket_links as t')
      .join('itam_assets as a', 'a.id', 't.asset_id')
      .where('t.site', issue.site)
      .andWhere(q => matchIssue(q, issue, 't.'))
      .select('t.*', 'a.data')
      .orderBy('a.tag');
    return dedupeByAsset(rows).map(r => ({ asset: rowToAsset(r), link: rowToTicketLink(r) }));
  }

  async upsertIssueLink(
    assetId: string,
    issue: JiraIssueRef,
    details: JiraIssueDetails,
    stamp: Stamp,
  ): Promise<boolean> {
    return this.db.transaction(async trx => {
      const existing = await this.linksOf(trx, issue, assetId);
      await this.rewrite(trx, assetId, issue, existing, details, stamp);
      return existing.length === 0;
    });
  }

  async removeIssueLink(assetId: string, issue: JiraIssueRef): Promise<boolean> {
    const n = await this.db('itam_ticket_links')
      .where({ asset_id: assetId, site: issue.site })
      .andWhere(q => matchIssue(q, issue))
      .delete();
    return n > 0;
  }

  async updateIssue(issue: JiraIssueRef & { issueKey: string }, update: JiraIssueUpdate): Promise<number> {
    return this.db.transaction(async trx => {
      const rows = await this.linksOf(trx, issue);
      const byAsset = new Map<string, LinkRow[]>();
      for (const row of rows) byAsset.set(row.asset_id, [...(byAsset.get(row.asset_id) ?? []), row]);
      for (const [assetId, existing] of byAsset) {
        const kept = preferred(existing);
        await this.rewrite(
          trx,
          assetId,
          issue,
          existing,
          { ...update, ticketType: update.ticketType ?? (kept.ticket_type as JiraIssueDetails['ticketType']) },
          { actor: kept.created_by, at: kept.created_at },
        );
      }
      return byAsset.size;
    });
  }

  async forgetIssue(issue: JiraIssueRef): Promise<number> {
    return this.db.transaction(async trx => {
      const rows = await this.linksOf(trx, issue);
      if (rows.length === 0) return 0;
      await trx('itam_ticket_links').where('site', issue.site).andWhere(q => matchIssue(q, issue)).delete();
      return new Set(rows.map(r => r.asset_id)).size;
    });
  }

  private linksOf(trx: Knex.Transaction, issue: JiraIssueRef, assetId?: string): Promise<LinkRow[]> {
    const q = trx<LinkRow>('itam_ticket_links').where('site', issue.site).andWhere(w => matchIssue(w, issue));
    return assetId === undefined ? q : q.andWhere('asset_id', assetId);
  }

  /**
   * Replaces an asset's rows for the issue (by id, or by key before ids were kept) with one row
   * under the issue's current key and id, keeping who linked it and when. A row left under the new
   * key by another (deleted) issue would collide with the key-based primary key, so it goes too.
   */
  private async rewrite(
    trx: Knex.Transaction,
    assetId: string,
    issue: JiraIssueRef,
    existing: LinkRow[],
    details: JiraIssueUpdate & { ticketType: JiraIssueDetails['ticketType'] },
    stamp: Stamp,
  ): Promise<void> {
    const kept = existing.length > 0 ? preferred(existing) : undefined;
    await trx('itam_ticket_links')
      .where({ asset_id: assetId, site: issue.site })
      .andWhere(q => matchIssue(q, issue).orWhere('issue_key', details.issueKey))
      .delete();
    await trx('itam_ticket_links').insert({
      asset_id: assetId,
      site: issue.site,
      issue_key: details.issueKey,
      issue_id: issue.issueId,
      ticket_type: details.ticketType,
      summary: details.summary ?? kept?.summary ?? null,
      status: details.status ?? kept?.status ?? null,
      resolved: details.resolved ?? (kept ? Boolean(kept.resolved) : false),
      created_by: kept?.created_by ?? stamp.actor,
      created_at: kept?.created_at ?? stamp.at,
    });
  }
}

/** Rows of the issue: by id, or (links made before ids were kept) by its current key. */
function matchIssue(q: Knex.QueryBuilder, issue: JiraIssueRef, prefix = ''): Knex.QueryBuilder {
  q.where(`${prefix}issue_id`, issue.issueId);
  if (issue.issueKey) {
    q.orWhere(w => w.whereNull(`${prefix}issue_id`).andWhere(`${prefix}issue_key`, issue.issueKey!));
  }
  return q;
}

/** The row whose link details win when an asset has both an id-keyed and a key-only row. */
function preferred(rows: LinkRow[]): LinkRow {
  return rows.find(r => r.issue_id !== null) ?? rows[0];
}

function dedupeByAsset<T extends { asset_id: string; issue_id: string | null }>(rows: T[]): T[] {
  const byAsset = new Map<string, T>();
  for (const row of rows) {
    const seen = byAsset.get(row.asset_id);
    if (!seen || (seen.issue_id === null && row.issue_id !== null)) byAsset.set(row.asset_id, row);
  }
  return [...byAsset.values()];
}
