import { compareText } from '../text/compareText';
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
 * A campaign's figures: how many assets are in scope, how many findings of each kind, and the
 * register accuracy (the share of in-scope assets verified exactly as recorded) and coverage.
 * Findings themselves are listed a page at a time (`GET /audits/{id}/findings`): a campaign over
 * a large estate has one per in-scope asset.
 *
 * @public
 */
export interface AuditSummary {
  inScope: number;
  counts: Record<AuditFindingKind, number>;
  /** verified / in scope; null when the scope is empty. */
  accuracy: number | null;
  /** (in scope − not observed) / in scope; null when the scope is empty. */
  coverage: number | null;
}

/**
 * Findings of a campaign with its figures (see {@link AuditSummary}).
 *
 * @public
 */
export interface AuditResult extends AuditSummary {
  findings: AuditFinding[];
}

/**
 * The kinds of finding, in the order a campaign's findings list them.
 *
 * @public
 */
export const AUDIT_FINDING_KINDS: readonly AuditFindingKind[] = [
  'verified',
  'location-mismatch',
  'not-found',
  'not-observed',
  'unexpected',
];

/**
 * Whether an asset falls in an audit scope. Disposed assets are never in scope.
 *
 * @public
 */
export function isInAuditScope(
  asset: Pick<Asset, 'assetClass' | 'lifecycleStage' | 'location' | 'owner'>,
  scope: AuditScope,
): boolean {
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
 * What an audit compares of an asset: how it is named and where the register places it.
 *
 * @public
 */
export type AuditedAsset = Pick<Asset, 'id' | 'tag' | 'serialNumber' | 'location'>;

/**
 * Which observation counts for each in-scope asset (the latest one naming it by tag, else by
 * serial number, case-insensitively) and which observations named nothing in scope. Linear in
 * assets + observations.
 *
 * @public
 */
export function matchAuditObservations(
  assetsInScope: readonly AuditedAsset[],
  observations: readonly AuditObservation[],
): { latest: Map<string, AuditObservation>; unmatched: AuditObservation[] } {
  const byTag = new Map(assetsInScope.map(a => [a.tag.toLowerCase(), a]));
  const bySerial = new Map(
    assetsInScope.filter(a => a.serialNumber).map(a => [a.serialNumber!.toLowerCase(), a]),
  );
  const latest = new Map<string, AuditObservation>();
  const unmatched: AuditObservation[] = [];
  // Stable: observations at the same instant keep the order they were recorded in.
  const ordered = [...observations].sort((a, b) => compareText(a.observedAt, b.observedAt));
  for (const o of ordered) {
    const asset =
      (o.assetTag && byTag.get(o.assetTag.toLowerCase())) ||
      (o.serialNumber && bySerial.get(o.serialNumber.toLowerCase())) ||
      undefined;
    if (asset) latest.set(asset.id, o);
    else unmatched.push(o);
  }
  return { latest, unmatched };
}

/**
 * The finding for one in-scope asset given the observation that counts for it (none: not
 * observed yet).
 *
 * @public
 */
export function auditFindingForAsset(asset: AuditedAsset, observation: AuditObservation | undefined): AuditFinding {
  const base = {
    assetId: asset.id,
    assetTag: asset.tag,
    serialNumber: asset.serialNumber,
    registerLocation: asset.location,
  };
  const o = observation;
  if (!o) return { ...base, kind: 'not-observed', explanation: `${asset.tag} has not been checked yet` };
  if (o.result === 'not-found') {
    return {
      ...base,
      kind: 'not-found',
      explanation: `${asset.tag} was looked for${asset.location ? ` at ${asset.location}` : ''} and not found`,
    };
  }
  if (asset.location && o.location && !sameLocation(asset.location, o.location)) {
    return {
      ...base,
      kind: 'location-mismatch',
      observedLocation: o.location,
      explanation: `${asset.tag} was seen at ${o.location}, but the register says ${asset.location}`,
    };
  }
  return { ...base, kind: 'verified', observedLocation: o.location, explanation: `${asset.tag} verified` };
}

/**
 * The finding for an observation that named no in-scope asset: one seen is unexpected; one
 * reported not found (of something not in scope) is no finding.
 *
 * @public
 */
export function unexpectedAuditFinding(o: AuditObservation): AuditFinding | undefined {
  if (o.result !== 'seen') return undefined;
  return {
    kind: 'unexpected',
    assetTag: o.assetTag,
    serialNumber: o.serialNumber,
    observedLocation: o.location,
    explanation: `Seen ${o.assetTag ?? o.serialNumber}${o.location ? ` at ${o.location}` : ''}, which is not a register asset in this campaign's scope: register it or explain it`,
  };
}

/**
 * A campaign's figures from its count of in-scope assets and of findings per kind.
 *
 * @public
 */
export function summariseAudit(inScope: number, counts: Readonly<Record<AuditFindingKind, number>>): AuditSummary {
  return {
    inScope,
    counts: { ...counts },
    accuracy: inScope === 0 ? null : counts.verified / inScope,
    coverage: inScope === 0 ? null : (inScope - counts['not-observed']) / inScope,
  };
}

/** No findings of any kind. @public */
export function emptyAuditCounts(): Record<AuditFindingKind, number> {
  return { verified: 0, 'location-mismatch': 0, 'not-found': 0, 'not-observed': 0, unexpected: 0 };
}

/**
 * Reconciles a campaign's observations against the in-scope assets: one finding per in-scope
 * asset in tag order (code-unit order, as the database pages them), then the unexpected finds in
 * the order they were observed. The latest observation of an asset wins (a re-check after "not
 * found" can verify it). Linear in assets + observations (plus the sort). This is the definition
 * the backend's paged evaluation (plugins/itam-backend/src/audits/campaignFindings.ts) is held
 * equal to.
 *
 * @public
 */
export function evaluateAudit(
  assetsInScope: readonly Asset[],
  observations: readonly AuditObservation[],
): AuditResult {
  const { latest, unmatched } = matchAuditObservations(assetsInScope, observations);
  const findings = [...assetsInScope]
    .sort((a, b) => compareText(a.tag, b.tag))
    .map(asset => auditFindingForAsset(asset, latest.get(asset.id)));
  for (const o of unmatched) {
    const finding = unexpectedAuditFinding(o);
    if (finding) findings.push(finding);
  }
  const counts = emptyAuditCounts();
  for (const f of findings) counts[f.kind] += 1;
  return { ...summariseAudit(assetsInScope.length, counts), findings };
}
