import { ConflictError } from '@backstage/errors';
import {
  auditEvidenceFromFindings,
  type AuditEvidence,
  type AuditFinding,
  type AuditFindingKind,
  type AuditObservation,
  type AuditSummary,
} from '@itam/common';
import type { Knex } from 'knex';
import type { AssetWriteListener } from '../database/KnexAssetStore';
import type { AuditCampaign, AuditStore } from './AuditStore';
import {
  campaignObservations,
  evaluateCampaign,
  freezeCampaignFindings,
  frozenAssetOutcomes,
  frozenFindingsPage,
  liveFindingsPage,
  type AuditFindingPosition,
  type CampaignEvaluation,
} from './campaignFindings';
import { registerVersionOf, VersionedResults } from '../analytics/registerVersion';
import { isPg } from '../database/engine';
import { preparedRows } from '../database/sqliteReads';

const GET_CAMPAIGN_SQL =
  'select id, name, scope, status, created_by, created_at, due_date, closed_by, closed_at, result from itam_audit_campaigns where id = ?';

/** The audit store on knex (SQLite or PostgreSQL). @public */
export class KnexAuditStore implements AuditStore {
  /**
   * Open campaigns' evaluations, reused until the register's next committed write (see
   * analytics/registerVersion.ts): the campaign page asks for the figures and each page of
   * findings, and every one needs the whole evaluation of the observations.
   */
  private readonly evaluations: VersionedResults<CampaignEvaluation>;

  /** A store on the plugin's (migrated) database. */
  static create(db: Knex): KnexAuditStore {
    return new KnexAuditStore(db);
  }

  private constructor(private readonly db: Knex) {
    this.evaluations = new VersionedResults(registerVersionOf(db), 16);
  }

  private evaluate(campaign: AuditCampaign): Promise<CampaignEvaluation> {
    return this.evaluations.get(campaign.id, () => evaluateCampaign(this.db, campaign));
  }

  async createCampaign(campaign: AuditCampaign): Promise<AuditCampaign> {
    await this.db('itam_audit_campaigns').insert({
      id: campaign.id,
      name: campaign.name,
      scope: JSON.stringify(campaign.scope),
      due_date: campaign.dueDate ?? null,
      status: campaign.status,
      created_by: campaign.createdBy,
      created_at: campaign.createdAt,
    });
    return campaign;
  }

  async listCampaigns(): Promise<AuditCampaign[]> {
    const rows = await this.db('itam_audit_campaigns').orderBy('created_at', 'desc').limit(200);
    return rows.map(rowToCampaign);
  }

  async getCampaign(id: string): Promise<AuditCampaign | undefined> {
    // Read on every request of a campaign's page: a statement prepared once per connection.
    const [row] = await preparedRows<Record<string, string | null>>(this.db, 'itam_audit_campaign_get', GET_CAMPAIGN_SQL, [id]);
    return row ? rowToCampaign(row) : undefined;
  }

  async addObservations(
    campaignId: string,
    observations: (AuditObservation & { assetId?: string })[],
    assetsSeen?: AssetWriteListener,
  ): Promise<void> {
    // Database work only: no catalogue call or token issue inside (see imports/importAssets.ts).
    await this.db.transaction(async trx => {
      // Locked on PostgreSQL: a close running meanwhile freezes the findings either before these
      // observations (which then find the campaign closed) or after them, never without them.
      const campaign = await trx('itam_audit_campaigns')
        .where('id', campaignId)
        .modify(q => {
          if (isPg(trx)) q.forUpdate();
        })
        .first();
      if (campaign?.status !== 'open') {
        throw new ConflictError(`Audit campaign ${campaignId} is closed; it takes no more observations`);
      }
      await trx.batchInsert(
        'itam_audit_observations',
        observations.map(o => ({
          campaign_id: campaignId,
          asset_id: o.assetId ?? null,
          asset_tag: o.assetTag ?? null,
          serial_number: o.serialNumber ?? null,
          result: o.result,
          location: o.location ?? null,
          note: o.note ?? null,
          observed_by: o.observedBy,
          observed_at: o.observedAt,
        })),
        200,
      );
      const seen = new Set(observations.flatMap(o => (o.result === 'seen' && o.assetId ? [o.assetId] : [])));
      if (seen.size > 0) await assetsSeen?.(trx, [...seen]);
    });
  }

  listObservations(campaignId: string): Promise<AuditObservation[]> {
    return campaignObservations(this.db, campaignId);
  }

  async summarise(campaign: AuditCampaign): Promise<AuditSummary> {
    return campaign.result ?? (await this.evaluate(campaign)).summary;
  }

  async listFindings(
    campaign: AuditCampaign,
    query: { kind?: AuditFindingKind; limit: number; after?: AuditFindingPosition },
  ): Promise<{ items: AuditFinding[]; next?: AuditFindingPosition }> {
    if (campaign.status === 'closed') return frozenFindingsPage(this.db, campaign.id, query);
    return liveFindingsPage(this.db, campaign.scope, await this.evaluate(campaign), query);
  }

  async closeCampaign(id: string, closedBy: string, closedAt: string): Promise<AuditCampaign> {
    await this.db.transaction(async trx => {
      const row = await trx('itam_audit_campaigns').where({ id, status: 'open' }).first();
      if (!row) throw new ConflictError(`Audit campaign ${id} is already closed`);
      // The status changes first: observations recorded meanwhile wait for this transaction
      // (PostgreSQL) or for the one connection (SQLite), then find the campaign closed.
      const n = await trx('itam_audit_campaigns')
        .where({ id, status: 'open' })
        .update({ status: 'closed', closed_by: closedBy, closed_at: closedAt });
      if (n !== 1) throw new ConflictError(`Audit campaign ${id} is already closed`);
      const summary = await freezeCampaignFindings(trx, rowToCampaign(row));
      await trx('itam_audit_campaigns').where('id', id).update({ result: JSON.stringify(summary) });
    });
    return (await this.getCampaign(id))!;
  }

  async auditEvidence(campaigns: readonly AuditCampaign[]): Promise<AuditEvidence[]> {
    const closed = campaigns.filter(c => c.status === 'closed' && c.result && c.closedAt);
    const outcomes = await frozenAssetOutcomes(this.db, closed.map(c => c.id));
    return closed.map(c => ({
      ...auditEvidenceFromFindings(c.id, c.closedAt!, outcomes.get(c.id) ?? []),
      unexpectedCount: c.result!.counts.unexpected,
    }));
  }

  async lastVerified(assetIds?: string[]): Promise<Map<string, string>> {
    return lastVerifiedIn(this.db, assetIds);
  }
}

function rowToCampaign(r: Record<string, string | null>): AuditCampaign {
  const c: AuditCampaign = {
    id: r.id!,
    name: r.name!,
    scope: JSON.parse(r.scope!),
    status: r.status as AuditCampaign['status'],
    createdBy: r.created_by!,
    createdAt: r.created_at!,
  };
  if (r.due_date) c.dueDate = r.due_date;
  if (r.closed_by) c.closedBy = r.closed_by;
  if (r.closed_at) c.closedAt = r.closed_at;
  if (r.result) c.result = JSON.parse(r.result);
  return c;
}

/**
 * The latest time an audit saw each asset (of `assetIds`, or every asset), read on `db` or inside
 * a transaction (which, on SQLite's one connection, must not read through another handle).
 */
export async function lastVerifiedIn(db: Knex | Knex.Transaction, assetIds?: readonly string[]): Promise<Map<string, string>> {
  const query = db('itam_audit_observations')
    .where('result', 'seen')
    .whereNotNull('asset_id')
    .groupBy('asset_id')
    .select('asset_id')
    .max({ at: 'observed_at' });
  if (assetIds) query.whereIn('asset_id', assetIds);
  const rows = (await query) as unknown as { asset_id: string; at: string }[];
  return new Map(rows.map(r => [r.asset_id, r.at]));
}
