import type { Asset } from '../asset/types';
import type { AuditObservation, AuditScope } from './schema';

/**
 * The outcome for one asset, or for an observation that matched no asset in scope.
 *
 * - `verified`: seen where the register says it is (or the register has no location)
 * - `location-mismatch`: seen, but somewhere else than the register says
 * - `not-found`: looked for and not found
 * - `not-observed`: in scope, but nobody has reported on it yet
 * - `unexpected`: seen, but not a register asset in the campaign's scope
 *
 * @public
 */
export type AuditFindingKind =
  | 'verified'
  | 'location-mismatch'
  | 'not-found'
  | 'not-observed'
  | 'unexpected';

/** @public */
export interface AuditFinding {
  kind: AuditFindingKind;
  assetId?: string;
  assetTag?: string;
  serialNumber?: string;
  /** Where the register says the asset is, and where it was seen. */
  registerLocation?: string;
  observedLocation?: string;
  explanation: string;
}

/**
 * Findings of a campaign and its register accuracy: the share of in-scope assets verified
 * exactly as recorded.
 *
 * @public
 */
export interface AuditResult {
  inScope: number;
  counts: Record<AuditFindingKind, number>;
  /** verified / in scope; null when the scope is empty. */
  accuracy: number | null;
  /** (in scope − not observed) / in scope; null when the scope is empty. */
  coverage: number | null;
  findings: AuditFinding[];
}

/**
 * Whether an asset falls in an audit scope. Disposed assets are never in scope.
 *
 * @public
 */
export function isInAuditScope(asset: Asset, scope: AuditScope): boolean {
  if (asset.lifecycleStage === 'disposed') return false;
  if (scope.assetClasses?.length && !scope.assetClasses.includes(asset.assetClass)) return false;
  if (scope.lifecycleStages?.length && !scope.lifecycleStages.includes(asset.lifecycleStage)) {
    return false;
  }
  if (scope.locations?.length && !(asset.location && scope.locations.includes(asset.location))) {
    return false;
  }
  if (scope.owners?.length && !(asset.owner && scope.owners.includes(asset.owner))) return false;
  return true;
}

const sameLocation = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Reconciles a campaign's observations against the in-scope assets. The latest observation of
 * an asset wins (a re-check after "not found" can verify it). Linear in assets + observations.
 *
 * @public
 */
export function evaluateAudit(
  assetsInScope: readonly Asset[],
  observations: readonly AuditObservation[],
): AuditResult {
  const byTag = new Map(assetsInScope.map(a => [a.tag.toLowerCase(), a]));
  const bySerial = new Map(
    assetsInScope.filter(a => a.serialNumber).map(a => [a.serialNumber!.toLowerCase(), a]),
  );
  const latest = new Map<string, AuditObservation>();
  const unexpected: AuditFinding[] = [];
  const ordered = [...observations].sort((a, b) => a.observedAt.localeCompare(b.observedAt));
  for (const o of ordered) {
    const asset =
      (o.assetTag && byTag.get(o.assetTag.toLowerCase())) ||
      (o.serialNumber && bySerial.get(o.serialNumber.toLowerCase())) ||
      undefined;
    if (asset) {
      latest.set(asset.id, o);
    } else if (o.result === 'seen') {
      unexpected.push({
        kind: 'unexpected',
        assetTag: o.assetTag,
        serialNumber: o.serialNumber,
        observedLocation: o.location,
        explanation: `Seen ${o.assetTag ?? o.serialNumber}${o.location ? ` at ${o.location}` : ''}, which is not a register asset in this campaign's scope: register it or explain it`,
      });
    }
  }
  const findings: AuditFinding[] = [];
  for (const asset of [...assetsInScope].sort((a, b) => a.tag.localeCompare(b.tag))) {
    const o = latest.get(asset.id);
    const base = {
      assetId: asset.id,
      assetTag: asset.tag,
      serialNumber: asset.serialNumber,
      registerLocation: asset.location,
    };
    if (!o) {
      findings.push({ ...base, kind: 'not-observed', explanation: `${asset.tag} has not been checked yet` });
    } else if (o.result === 'not-found') {
      findings.push({
        ...base,
        kind: 'not-found',
        explanation: `${asset.tag} was looked for${asset.location ? ` at ${asset.location}` : ''} and not found`,
      });
    } else if (asset.location && o.location && !sameLocation(asset.location, o.location)) {
      findings.push({
        ...base,
        kind: 'location-mismatch',
        observedLocation: o.location,
        explanation: `${asset.tag} was seen at ${o.location}, but the register says ${asset.location}`,
      });
    } else {
      findings.push({ ...base, kind: 'verified', observedLocation: o.location, explanation: `${asset.tag} verified` });
    }
  }
  findings.push(...unexpected);
  const counts: Record<AuditFindingKind, number> = {
    verified: 0,
    'location-mismatch': 0,
    'not-found': 0,
    'not-observed': 0,
    unexpected: 0,
  };
  for (const f of findings) counts[f.kind] += 1;
  const inScope = assetsInScope.length;
  return {
    inScope,
    counts,
    accuracy: inScope === 0 ? null : counts.verified / inScope,
    coverage: inScope === 0 ? null : (inScope - counts['not-observed']) / inScope,
    findings,
  };
}
