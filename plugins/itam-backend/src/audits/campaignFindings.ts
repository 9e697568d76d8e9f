import {
  AUDIT_FINDING_KINDS,
  auditFindingForAsset,
  compareText,
  emptyAuditCounts,
  isInAuditScope,
  matchAuditObservations,
  summariseAudit,
  unexpectedAuditFinding,
  type AssetClass,
  type AuditedAsset,
  type AuditFinding,
  type AuditFindingKind,
  type AuditObservation,
  type AuditScope,
  type AuditSummary,
  type LifecycleStage,
} from '@itam/common';
import type { Knex } from 'knex';
import { REGISTER_SUMMARY } from '../analytics/registerSummary';
import { isPg } from '../database/engine';

/**
 * A campaign's findings evaluated in the database, in bounded memory: common's `evaluateAudit`
 * is the definition (a property test holds the two equal on random estates, on SQLite and
 * PostgreSQL). What grows with the estate (the in-scope assets nobody observed) is counted and
 * paged in SQL; only what the auditors reported is held: their observations and the assets those
 * name.
 */

type Db = Knex | Knex.Transaction;

/** Assets read per statement when walking the scope or looking up named assets. */
const SCAN_BATCH = 500;

/** Where a page of findings starts: after an asset tag, an unexpected find, or a frozen row. */
export type AuditFindingPosition = { t: string } | { u: number } | { s: number };

/** A campaign's figures, with what its findings pages are built from. */
export interface CampaignEvaluation {
  summary: AuditSummary;
  /** The findings of the in-scope assets some observation names, by asset id. */
  observed: Map<string, AuditFinding & { assetId: string; assetTag: string }>;
  /** The unexpected finds, in the order they were observed. */
  unexpected: AuditFinding[];
}

/** The tag in byte order on both databases (PostgreSQL has an index on it, see the migration). */
const tagOrder = (db: Db) => (isPg(db) ? 'a.tag collate "C"' : 'a.tag');

/** The in-scope assets as a query over `itam_assets as a` (common's `isInAuditScope`). */
export function inScopeAssets(db: Db, scope: AuditScope): Knex.QueryBuilder {
  const query = db('itam_assets as a').whereNot('a.lifecycle_stage', 'disposed');
  if (scope.assetClasses?.length) query.whereIn('a.asset_class', scope.assetClasses);
  if (scope.lifecycleStages?.length) query.whereIn('a.lifecycle_stage', scope.lifecycleStages);
  if (scope.locations?.length) query.whereIn('a.location', scope.locations);
  if (scope.owners?.length) query.whereIn('a.owner', scope.owners);
  return query;
}

const AUDITED_COLUMNS = ['a.id', 'a.tag', 'a.serial_number', 'a.location'];

type AuditedRow = { id: string; tag: string; serial_number: string | null; location: string | null };

function toAudited(row: AuditedRow): AuditedAsset {
  return {
    id: row.id,
    tag: row.tag,
    ...(row.serial_number ? { serialNumber: row.serial_number } : {}),
    ...(row.location ? { location: row.location } : {}),
  };
}

/** A campaign's observations in the order they were recorded. */
export async function campaignObservations(db: Db, campaignId: string): Promise<AuditObservation[]> {
  const rows = await db('itam_audit_observations')
    .where('campaign_id', campaignId)
    .orderBy('id')
    .select('result', 'observed_by', 'observed_at', 'asset_tag', 'serial_number', 'location', 'note');
  return rows.map(r => ({
    result: r.result,
    observedBy: r.observed_by,
    observedAt: r.observed_at,
    ...(r.asset_tag ? { assetTag: r.asset_tag } : {}),
    ...(r.serial_number ? { serialNumber: r.serial_number } : {}),
    ...(r.location ? { location: r.location } : {}),
    ...(r.note ? { note: r.note } : {}),
  }));
}

/**
 * The in-scope assets the observations name by tag or serial number (case-insensitively), in tag
 * order: the only assets whose finding depends on an observation.
 */
async function assetsNamedBy(db: Db, scope: AuditScope, observations: readonly AuditObservation[]): Promise<AuditedAsset[]> {
  const found = new Map<string, AuditedAsset>();
  // Looked up by the lower-cased name's index alone, the scope checked here: with the scope in
  // the query, SQLite's planner prefers the class or stage index and reads every asset of it.
  const lookup = async (column: string, values: Set<string>) => {
    const list = [...values];
    // PostgreSQL takes the whole list as one array parameter; SQLite a bounded IN list per batch.
    const step = isPg(db) ? Math.max(list.length, 1) : SCAN_BATCH;
    for (let i = 0; i < list.length; i += step) {
      const batch = list.slice(i, i + step);
      const named = isPg(db)
        ? db.raw(`lower(${column}) = any(?::text[])`, [batch])
        : db.raw(`lower(${column}) in (${batch.map(() => '?').join(', ')})`, batch);
      const rows: (AuditedRow & { asset_class: string; lifecycle_stage: string; owner: string | null })[] = await db('itam_assets as a')
        .where(named)
        .select([...AUDITED_COLUMNS, 'a.asset_class', 'a.lifecycle_stage', 'a.owner']);
      for (const row of rows) {
        const inScope = isInAuditScope(
          {
            assetClass: row.asset_class as AssetClass,
            lifecycleStage: row.lifecycle_stage as LifecycleStage,
            ...(row.location ? { location: row.location } : {}),
            ...(row.owner ? { owner: row.owner } : {}),
          },
          scope,
        );
        if (inScope) found.set(row.id, toAudited(row));
      }
    }
  };
  await lookup('a.tag', new Set(observations.flatMap(o => (o.assetTag ? [o.assetTag.toLowerCase()] : []))));
  await lookup('a.serial_number', new Set(observations.flatMap(o => (o.serialNumber ? [o.serialNumber.toLowerCase()] : []))));
  return [...found.values()].sort((a, b) => compareText(a.tag, b.tag));
}

/**
 * How many assets a scope holds. A scope by class and stage only is counted from the register
 * summary the database keeps (analytics/registerSummary.ts), whatever the register's size; one by
 * location or owner counts the matching assets.
 */
async function countInScope(db: Db, scope: AuditScope): Promise<number> {
  if (scope.locations?.length || scope.owners?.length) {
    const [{ n }] = await inScopeAssets(db, scope).count({ n: '*' });
    return Number(n);
  }
  const query = db
    .from(db.raw(`${REGISTER_SUMMARY} as s`))
    .whereNot('s.lifecycle_stage', 'disposed')
    .select(db.raw('coalesce(sum(s.n), 0) as n'));
  if (scope.assetClasses?.length) query.whereIn('s.asset_class', scope.assetClasses);
  if (scope.lifecycleStages?.length) query.whereIn('s.lifecycle_stage', scope.lifecycleStages);
  const [{ n }] = await query;
  return Number(n);
}

/** Evaluates a campaign as it stands: its figures and what its findings pages need. */
export async function evaluateCampaign(db: Db, campaign: { id: string; scope: AuditScope }): Promise<CampaignEvaluation> {
  const observations = await campaignObservations(db, campaign.id);
  const named = await assetsNamedBy(db, campaign.scope, observations);
  const { latest, unmatched } = matchAuditObservations(named, observations);
  const counts = emptyAuditCounts();
  const observed: CampaignEvaluation['observed'] = new Map();
  for (const asset of named) {
    const observation = latest.get(asset.id);
    if (!observation) continue;
    const finding = auditFindingForAsset(asset, observation);
    observed.set(asset.id, { ...finding, assetId: asset.id, assetTag: asset.tag });
    counts[finding.kind] += 1;
  }
  const unexpected = unmatched.flatMap(o => unexpectedAuditFinding(o) ?? []);
  counts.unexpected = unexpected.length;
  const inScope = await countInScope(db, campaign.scope);
  counts['not-observed'] = inScope - observed.size;
  return { summary: summariseAudit(inScope, counts), observed, unexpected };
}

/**
 * A page of a live campaign's findings, of one kind or all: the in-scope assets in tag order
 * (walked in the database; the observed ones take their finding from the evaluation), then the
 * unexpected finds. Kinds only observations produce are listed from the evaluation alone.
 */
export async function liveFindingsPage(
  db: Db,
  scope: AuditScope,
  evaluation: CampaignEvaluation,
  query: { kind?: AuditFindingKind; limit: number; after?: AuditFindingPosition },
): Promise<{ items: AuditFinding[]; next?: AuditFindingPosition }> {
  const { kind, limit, after } = query;
  const want = limit + 1;
  const page: { finding: AuditFinding; position: AuditFindingPosition }[] = [];
  const inUnexpected = after !== undefined && 'u' in after;
  const afterTag = after && 't' in after ? after.t : undefined;

  if (!inUnexpected && (kind === undefined || kind === 'not-observed')) {
    let from = afterTag;
    // A page's worth first (nearly every in-scope asset lists on a page of all kinds or of the
    // unobserved), more per statement while a filter keeps skipping rows.
    let size = Math.min(want, SCAN_BATCH);
    for (let done = false; !done && page.length < want; size = Math.min(size * 4, SCAN_BATCH)) {
      const batch = inScopeAssets(db, scope).select(AUDITED_COLUMNS).orderByRaw(tagOrder(db)).limit(size);
      if (from !== undefined) batch.whereRaw(`${tagOrder(db)} > ?`, [from]);
      const rows: AuditedRow[] = await batch;
      done = rows.length < size;
      for (const row of rows) {
        const finding = evaluation.observed.get(row.id) ?? auditFindingForAsset(toAudited(row), undefined);
        if (kind === undefined || finding.kind === kind) page.push({ finding, position: { t: row.tag } });
        if (page.length === want) break;
      }
      if (rows.length > 0) from = rows[rows.length - 1].tag;
    }
  } else if (kind !== undefined && kind !== 'unexpected' && kind !== 'not-observed') {
    const listed = [...evaluation.observed.values()]
      .filter(f => f.kind === kind && (afterTag === undefined || compareText(f.assetTag, afterTag) > 0))
      .sort((a, b) => compareText(a.assetTag, b.assetTag))
      .slice(0, want);
    page.push(...listed.map(finding => ({ finding, position: { t: finding.assetTag } })));
  }

  if (page.length < want && (kind === undefined || kind === 'unexpected')) {
    const start = after && 'u' in after ? after.u : 0;
    evaluation.unexpected.slice(start, start + want - page.length).forEach((finding, i) => {
      page.push({ finding, position: { u: start + i + 1 } });
    });
  }
  return pageOf(page, limit);
}

function pageOf(page: { finding: AuditFinding; position: AuditFindingPosition }[], limit: number) {
  return {
    items: page.slice(0, limit).map(p => p.finding),
    ...(page.length > limit ? { next: page[limit - 1].position } : {}),
  };
}

interface FindingRow {
  campaign_id: string;
  seq: number;
  kind: string;
  asset_id: string | null;
  asset_tag: string | null;
  serial_number: string | null;
  register_location: string | null;
  observed_location: string | null;
  explanation: string;
}

function toRow(campaignId: string, seq: number, f: AuditFinding): FindingRow {
  return {
    campaign_id: campaignId,
    seq,
    kind: f.kind,
    asset_id: f.assetId ?? null,
    asset_tag: f.assetTag ?? null,
    serial_number: f.serialNumber ?? null,
    register_location: f.registerLocation ?? null,
    observed_location: f.observedLocation ?? null,
    explanation: f.explanation,
  };
}

function fromRow(r: FindingRow): AuditFinding {
  return {
    kind: r.kind as AuditFindingKind,
    ...(r.asset_id ? { assetId: r.asset_id } : {}),
    ...(r.asset_tag ? { assetTag: r.asset_tag } : {}),
    ...(r.serial_number ? { serialNumber: r.serial_number } : {}),
    ...(r.register_location ? { registerLocation: r.register_location } : {}),
    ...(r.observed_location ? { observedLocation: r.observed_location } : {}),
    explanation: r.explanation,
  };
}

/**
 * Freezes a campaign's findings as rows, in list order, inside the closing transaction (the
 * findings and the figures stored with them agree: both read in it). Returns the figures.
 */
export async function freezeCampaignFindings(trx: Knex.Transaction, campaign: { id: string; scope: AuditScope }): Promise<AuditSummary> {
  const evaluation = await evaluateCampaign(trx, campaign);
  let seq = 0;
  const insert = (findings: AuditFinding[]) =>
    findings.length > 0 ? trx('itam_audit_findings').insert(findings.map(f => toRow(campaign.id, seq++, f))) : undefined;
  let after: string | undefined;
  for (;;) {
    const batch = inScopeAssets(trx, campaign.scope).select(AUDITED_COLUMNS).orderByRaw(tagOrder(trx)).limit(SCAN_BATCH);
    if (after !== undefined) batch.whereRaw(`${tagOrder(trx)} > ?`, [after]);
    const rows: AuditedRow[] = await batch;
    await insert(rows.map(row => evaluation.observed.get(row.id) ?? auditFindingForAsset(toAudited(row), undefined)));
    if (rows.length < SCAN_BATCH) break;
    after = rows[rows.length - 1].tag;
  }
  for (let i = 0; i < evaluation.unexpected.length; i += SCAN_BATCH) await insert(evaluation.unexpected.slice(i, i + SCAN_BATCH));
  return evaluation.summary;
}

/** A page of a closed campaign's frozen findings, of one kind or all, in the order frozen. */
export async function frozenFindingsPage(
  db: Db,
  campaignId: string,
  query: { kind?: AuditFindingKind; limit: number; after?: AuditFindingPosition },
): Promise<{ items: AuditFinding[]; next?: AuditFindingPosition }> {
  const rows: FindingRow[] = await db('itam_audit_findings')
    .where('campaign_id', campaignId)
    .modify(q => {
      if (query.kind) q.where('kind', query.kind);
      if (query.after && 's' in query.after) q.where('seq', '>', query.after.s);
    })
    .orderBy('seq')
    .limit(query.limit + 1);
  return pageOf(rows.map(r => ({ finding: fromRow(r), position: { s: r.seq } })), query.limit);
}

/**
 * The asset ids a closed campaign verified, found mismatched and did not find, read from its
 * frozen findings (bounded by what the auditors reported on).
 */
export async function frozenAssetOutcomes(db: Db, campaignIds: readonly string[]) {
  const outcomes = new Map<string, { kind: AuditFindingKind; assetId: string }[]>();
  for (let i = 0; i < campaignIds.length; i += SCAN_BATCH) {
    const rows: { campaign_id: string; kind: AuditFindingKind; asset_id: string }[] = await db('itam_audit_findings')
      .whereIn('campaign_id', campaignIds.slice(i, i + SCAN_BATCH))
      .whereIn('kind', AUDIT_FINDING_KINDS.filter(k => k !== 'not-observed' && k !== 'unexpected'))
      .whereNotNull('asset_id')
      .orderBy(['campaign_id', 'seq'])
      .select('campaign_id', 'kind', 'asset_id');
    for (const r of rows) {
      const list = outcomes.get(r.campaign_id) ?? [];
      list.push({ kind: r.kind, assetId: r.asset_id });
      outcomes.set(r.campaign_id, list);
    }
  }
  return outcomes;
}
