import { auditEvidenceFromFindings, type AuditEvidence } from '@itam/common';
import type { AuditStore } from '../audits/AuditStore';

/** What each closed audit campaign found, as the KPIs and maturity read it. */
export async function closedAuditEvidence(audits: AuditStore): Promise<AuditEvidence[]> {
  const campaigns = (await audits.listCampaigns()).filter(c => c.status === 'closed' && c.result);
  return campaigns.map(c => auditEvidenceFromFindings(c.id, c.closedAt!, c.result!.findings));
}
