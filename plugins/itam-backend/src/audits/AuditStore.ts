import type { AuditCampaign, AuditEvidence, AuditFinding, AuditFindingKind, AuditObservation, AuditSummary } from '@itam/common';
import type { AuditFindingPosition } from './campaignFindings';
import type { AssetWriteListener } from '../database/KnexAssetStore';

export type { AuditCampaign } from '@itam/common';

/**
 * Persistence of audit campaigns and observations.
 *
 * @public
 */
export interface AuditStore {
  createCampaign(campaign: AuditCampaign): Promise<AuditCampaign>;
  listCampaigns(): Promise<AuditCampaign[]>;
  getCampaign(id: string): Promise<AuditCampaign | undefined>;
  /**
   * Records observations (each matched to an asset id or not) in one transaction, in which
   * `assetsSeen` runs for the assets observed as seen.
   */
  addObservations(
    campaignId: string,
    observations: (AuditObservation & { assetId?: string })[],
    assetsSeen?: AssetWriteListener,
  ): Promise<void>;
  listObservations(campaignId: string): Promise<AuditObservation[]>;
  /** A campaign's figures: live while it is open, as frozen when it closed. */
  summarise(campaign: AuditCampaign): Promise<AuditSummary>;
  /** A page of a campaign's findings, of one kind or all (live while open, frozen when closed). */
  listFindings(
    campaign: AuditCampaign,
    query: { kind?: AuditFindingKind; limit: number; after?: AuditFindingPosition },
  ): Promise<{ items: AuditFinding[]; next?: AuditFindingPosition }>;
  /**
   * Closes an open campaign, freezing its findings and figures as they stand, in one
   * transaction; a closed campaign answers a conflict.
   */
  closeCampaign(id: string, closedBy: string, closedAt: string): Promise<AuditCampaign>;
  /** What closed campaigns found, as the KPIs and the maturity assessment read it. */
  auditEvidence(campaigns: readonly AuditCampaign[]): Promise<AuditEvidence[]>;
  /** When each asset was last seen by an audit. */
  lastVerified(assetIds?: string[]): Promise<Map<string, string>>;
}
