import type { AuditEvidence } from '@itam/common';
import type { AuditStore } from '../audits/AuditStore';

/** What each closed audit campaign found, as the KPIs and maturity read it. */
export async function closedAuditEvidence(audits: AuditStore): Promise<AuditEvidence[]> {
  return audits.auditEvidence(await audits.listCampaigns());
}
