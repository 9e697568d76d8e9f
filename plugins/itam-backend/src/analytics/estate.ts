import { auditEvidenceFromFindings, type Asset, type AuditEvidence } from '@itam/common';
import type { AuditStore } from '../audits/AuditStore';
import type { AssetStore, StoredAssetLink, StoredTicketLink } from '../database/AssetStore';

/**
 * The whole estate as the analytics read it: assets, links, tickets and audit evidence.
 * Loaded once per computation.
 */
export interface Estate {
  assets: Asset[];
  assetLinks: StoredAssetLink[];
  entityLinks: { assetId: string; entityRef: string; role: string }[];
  ticketLinks: StoredTicketLink[];
  audits: AuditEvidence[];
  lastVerified: Map<string, string>;
}

/** Reads the estate from the stores (assets stream in batches). */
export async function loadEstate(store: AssetStore, audits: AuditStore): Promise<Estate> {
  const assets: Asset[] = [];
  for await (const batch of store.streamAssets({})) assets.push(...batch);
  return {
    assets,
    assetLinks: await store.listAllAssetLinks(),
    entityLinks: await store.listAllEntityLinks(),
    ticketLinks: await store.listAllTicketLinks(),
    audits: await closedAuditEvidence(audits),
    lastVerified: await audits.lastVerified(),
  };
}

/** What each closed audit campaign found, as the KPIs and maturity read it. */
export async function closedAuditEvidence(audits: AuditStore): Promise<AuditEvidence[]> {
  const campaigns = (await audits.listCampaigns()).filter(c => c.status === 'closed' && c.result);
  return campaigns.map(c => auditEvidenceFromFindings(c.id, c.closedAt!, c.result!.findings));
}
