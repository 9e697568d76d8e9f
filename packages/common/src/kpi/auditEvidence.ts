import type { AuditEvidence } from './kpiInputs';

/**
 * The minimum of an audit campaign's findings this adapter reads: each finding's kind and asset.
 * The audit module's `AuditResult.findings` fit as they are; kept structural so the KPIs do not
 * depend on that module's other fields.
 *
 * @public
 */
export interface AuditFindingLike {
  kind: string;
  assetId?: string;
}

/**
 * Turns an audit campaign's findings into the evidence the KPIs read: `verified` findings are
 * verified, `location-mismatch` mismatched, `not-found` not found, `unexpected` counted as
 * unexpected; `not-observed` assets were not checked and are left out.
 *
 * @public
 */
export function auditEvidenceFromFindings(
  id: string,
  completedAt: string,
  findings: readonly AuditFindingLike[],
): AuditEvidence {
  const evidence = {
    id,
    completedAt,
    verifiedAssetIds: [] as string[],
    mismatchedAssetIds: [] as string[],
    notFoundAssetIds: [] as string[],
    unexpectedCount: 0,
  };
  for (const f of findings) {
    if (f.kind === 'unexpected') evidence.unexpectedCount++;
    else if (f.assetId === undefined) continue;
    else if (f.kind === 'verified') evidence.verifiedAssetIds.push(f.assetId);
    else if (f.kind === 'location-mismatch') evidence.mismatchedAssetIds.push(f.assetId);
    else if (f.kind === 'not-found') evidence.notFoundAssetIds.push(f.assetId);
  }
  return evidence;
}
