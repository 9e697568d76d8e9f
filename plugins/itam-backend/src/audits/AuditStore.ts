import type { AuditCampaign, AuditObservation, AuditResult } from '@itam/common';
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
  closeCampaign(id: string, closedBy: string, closedAt: string, result: AuditResult): Promise<AuditCampaign>;
  /** When each asset was last seen by an audit. */
  lastVerified(assetIds?: string[]): Promise<Map<string, string>>;
}
