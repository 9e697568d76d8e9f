import {
  RISK_SEVERITIES,
  riskFindingCountsFromGroups,
  riskFindingKey,
  riskFindingSortLabel,
  type RiskFinding,
  type RiskFindingCounts,
  type RiskRuleId,
  type RiskSeverity,
} from '@itam/common';
import type { Knex } from 'knex';
import { isPg } from '../database/engine';
import { pgStatementName, preparedRows } from '../database/sqliteReads';
import { whereAssetCriteria } from '../permissions/assetCriteria';
import type { ListedRiskFinding, RiskFindingFilter, RiskFindingPosition, RiskFindingRow, RiskFindingStore } from './RiskFindingStore';

const FINDINGS = 'itam_risk_findings';
const COUNTS = 'itam_risk_finding_counts';
/** Ids per `in (...)` list and rows per insert: well inside SQLite's bound-parameter limit. */
const BATCH = 500;

interface FindingRow {
  finding_key: string;
  rule_id: string;
  severity: string;
  severity_rank: number;
  sort_label: string;
  subject_kind: string;
  subject_id: string;
  asset_id: string | null;
  owner: string | null;
  finding: string;
  first_seen: string;
  evaluated_at: string;
}

const severityRank = (s: RiskSeverity) => RISK_SEVERITIES.indexOf(s);

/**
 * What a stored finding adds to the counts, the first-seen time a rewrite keeps, and what it says
 * (a finding found again unchanged is not written again).
 */
type CountedRow = Pick<FindingRow, 'rule_id' | 'severity' | 'owner' | 'first_seen' | 'finding'>;
const COUNTED_COLUMNS = ['finding_key', 'rule_id', 'severity', 'owner', 'first_seen', 'finding'] as const;

const LISTED_COLUMNS = ['finding', 'finding_key', 'first_seen', 'severity_rank', 'sort_label', 'rule_id', 'subject_id'] as const;
type ListedRow = Pick<FindingRow, (typeof LISTED_COLUMNS)[number]>;

/** Byte order of the UTF-8 text, as SQLite and PostgreSQL's "C" collation compare it. */
const compareBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** The listing order (see the order index), for merging the pages of several queries. */
function compareListed(a: ListedRow, b: ListedRow): number {
  return (
    Number(a.severity_rank) - Number(b.severity_rank) ||
    compareBytes(a.sort_label, b.sort_label) ||
    compareBytes(a.rule_id, b.rule_id) ||
    compareBytes(a.subject_id, b.subject_id)
  );
}

function toRow(finding: RiskFinding, owner: string | undefined, firstSeen: string, at: string): FindingRow {
  return {
    finding_key: riskFindingKey(finding),
    rule_id: finding.ruleId,
    severity: finding.severity,
    severity_rank: severityRank(finding.severity),
    sort_label: riskFindingSortLabel(finding),
    subject_kind: finding.subject.kind,
    subject_id: finding.subject.id,
    asset_id: finding.assetId ?? null,
    owner: owner ?? null,
    finding: JSON.stringify(finding),
    first_seen: firstSeen,
    // When the finding was last written, i.e. when it last changed (see KnexRiskFindingStore.write).
    evaluated_at: at,
  };
}

const OWNER_COUNTS = 'itam_risk_finding_owner_counts';

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Counts moved by a replacement, per rule and severity, and per owner, rule and severity. */
class CountDeltas {
  private readonly deltas = new Map<string, number>();
  private readonly ownerDeltas = new Map<string, number>();
  add(ruleId: string, severity: string, owner: string | null, n: number) {
    const key = `${ruleId}\u0000${severity}`;
    this.deltas.set(key, (this.deltas.get(key) ?? 0) + n);
    if (owner !== null) {
      const ownerKey = `${owner}\u0000${key}`;
      this.ownerDeltas.set(ownerKey, (this.ownerDeltas.get(ownerKey) ?? 0) + n);
    }
  }
  async apply(trx: Knex.Transaction) {
    // One statement per table, its rows in one order in every transaction: concurrent writers
    // then lock count rows in the same order and never wait on each other in a cycle (a deadlock
    // on PostgreSQL).
    const moved = (deltas: Map<string, number>) => [...deltas].filter(([, n]) => n !== 0).sort(([a], [b]) => compareText(a, b));
    const counts = moved(this.deltas).map(([key, n]) => {
      const [rule_id, severity] = key.split('\u0000');
      return { rule_id, severity, n };
    });
    const ownerCounts = moved(this.ownerDeltas).map(([key, n]) => {
      const [owner, rule_id, severity] = key.split('\u0000');
      return { owner, rule_id, severity, n };
    });
    for (const [table, rows, keys] of [
      [COUNTS, counts, ['rule_id', 'severity']],
      [OWNER_COUNTS, ownerCounts, ['owner', 'rule_id', 'severity']],
    ] as const) {
      for (let i = 0; i < rows.length; i += BATCH) {
        await trx(table)
          .insert(rows.slice(i, i + BATCH))
          .onConflict([...keys])
          .merge({ n: trx.raw('??.n + excluded.n', [table]) });
      }
    }
  }
}

/**
 * The risk findings on knex (SQLite or PostgreSQL). Ordered by severity, then asset tag or
 * label, rule and subject id, as the index `itam_risk_findings_order_idx` holds them, so a page
 * reads only its rows however deep it is.
 */
export class KnexRiskFindingStore implements RiskFindingStore {
  private constructor(private readonly db: Knex) {}

  /** A store on the plugin's (migrated) database. */
  static create(db: Knex): KnexRiskFindingStore {
    return new KnexRiskFindingStore(db);
  }

  async replaceAssetFindings(trx: Knex.Transaction, assetIds: readonly string[], rows: readonly RiskFindingRow[], at: string) {
    const ids = new Set(assetIds);
    const next = new Map<string, RiskFindingRow>();
    for (const row of rows) {
      if (row.finding.subject.kind !== 'asset' || !ids.has(row.finding.subject.id)) {
        throw new Error(`replaceAssetFindings: finding ${riskFindingKey(row.finding)} is not about the assets replaced`);
      }
      next.set(riskFindingKey(row.finding), row);
    }
    const old = new Map<string, CountedRow>();
    const list = [...ids];
    for (let i = 0; i < list.length; i += BATCH) {
      const found: (CountedRow & Pick<FindingRow, 'finding_key'>)[] = await trx(FINDINGS)
        .where('subject_kind', 'asset')
        .whereIn('asset_id', list.slice(i, i + BATCH))
        .select(...COUNTED_COLUMNS);
      for (const r of found) old.set(r.finding_key, r);
    }
    await this.write(trx, old, next, at);
  }

  async replaceSubjectFindings(kinds: readonly RiskFinding['subject']['kind'][], findings: readonly RiskFinding[], at: string) {
    await this.db.transaction(async trx => {
      const old = new Map<string, CountedRow>();
      const found: (CountedRow & Pick<FindingRow, 'finding_key'>)[] = await trx(FINDINGS)
        .whereIn('subject_kind', [...kinds])
        .select(...COUNTED_COLUMNS);
      for (const r of found) old.set(r.finding_key, r);
      const next = new Map(
        findings.filter(f => kinds.includes(f.subject.kind)).map(f => [riskFindingKey(f), { finding: f }] as const),
      );
      await this.write(trx, old, next, at);
    });
  }

  /** Deletes what is no longer found, upserts what is, and moves the counts by the difference. */
  private async write(
    trx: Knex.Transaction,
    old: ReadonlyMap<string, CountedRow>,
    next: ReadonlyMap<string, RiskFindingRow>,
    at: string,
  ) {
    const deltas = new CountDeltas();
    const gone = [...old.keys()].filter(k => !next.has(k));
    for (let i = 0; i < gone.length; i += BATCH) {
      await trx(FINDINGS).whereIn('finding_key', gone.slice(i, i + BATCH)).delete();
    }
    for (const r of old.values()) deltas.add(r.rule_id, r.severity, r.owner, -1);
    const rows = [...next].map(([key, r]) => toRow(r.finding, r.owner, old.get(key)?.first_seen ?? at, at));
    for (const r of rows) deltas.add(r.rule_id, r.severity, r.owner, 1);
    // The periodic re-evaluation mostly finds what it found before: only what changed is written
    // (a million unchanged rows rewritten every hour would be most of the run's time).
    const changed = rows.filter(r => {
      const before = old.get(r.finding_key);
      return !before || before.finding !== r.finding || before.owner !== r.owner;
    });
    for (let i = 0; i < changed.length; i += BATCH) {
      await trx(FINDINGS)
        .insert(changed.slice(i, i + BATCH))
        .onConflict('finding_key')
        .merge();
    }
    await deltas.apply(trx);
  }

  async refreshStatistics() {
    // SQLite reads an `in (...)` list of an indexed column through its index whatever it counted.
    if (isPg(this.db)) await this.db.raw(`analyze ${FINDINGS}`);
  }

  async sweep() {
    await this.db.transaction(async trx => {
      await trx(FINDINGS)
        .where('subject_kind', 'asset')
        .whereNotExists(trx('itam_assets as a').select('a.id').whereRaw(`a.id = ${FINDINGS}.asset_id`))
        .delete();
      // Counts heal from anything the increments missed (e.g. rows written by an older version).
      await trx(COUNTS).delete();
      await trx.raw(`insert into ${COUNTS} (rule_id, severity, n) select rule_id, severity, count(*) from ${FINDINGS} group by rule_id, severity`);
      await trx(OWNER_COUNTS).delete();
      await trx.raw(
        `insert into ${OWNER_COUNTS} (owner, rule_id, severity, n)
         select owner, rule_id, severity, count(*) from ${FINDINGS} where owner is not null group by owner, rule_id, severity`,
      );
    });
  }

  async list(filter: RiskFindingFilter, page: { limit: number; after?: RiskFindingPosition }) {
    // With several severities or rules, one query per combination: each reads its index in order
    // and stops at the page, where a single query with IN lists would sort every match (all the
    // end-of-life findings of a million assets). The pages are merged here, in the database's order.
    // The branches run at once: on PostgreSQL each is a round trip on its own pooled connection.
    const severities = filter.severities?.length ? filter.severities : [undefined];
    const ruleIds = filter.ruleIds?.length ? filter.ruleIds : [undefined];
    const branches = severities.flatMap(severity =>
      ruleIds.map(ruleId =>
        this.listBranch({ ...filter, severities: severity ? [severity] : undefined, ruleIds: ruleId ? [ruleId] : undefined }, page),
      ),
    );
    const found: ListedRow[] = (await Promise.all(branches)).flat();
    if (severities.length * ruleIds.length > 1) found.sort(compareListed);
    const rows = found.slice(0, page.limit);
    // The item's JSON is the stored finding's with its key and first-seen time put in front: a
    // page of an entity's findings was parsed and serialised again on every request.
    const items: ListedRiskFinding[] = rows.map(r => ({
      json: `{"key":${JSON.stringify(r.finding_key)},"firstSeen":${JSON.stringify(r.first_seen)},${r.finding.slice(1)}`,
      ruleId: r.rule_id as RiskRuleId,
      severity: RISK_SEVERITIES[Number(r.severity_rank)],
    }));
    const lastRow = rows[rows.length - 1];
    return {
      items,
      ...(lastRow && found.length > page.limit
        ? { last: { severityRank: Number(lastRow.severity_rank), sortLabel: lastRow.sort_label, ruleId: lastRow.rule_id, subjectId: lastRow.subject_id } }
        : {}),
    };
  }

  /** One page (plus one row, to tell whether more follow) of one severity and rule combination. */
  private async listBranch(filter: RiskFindingFilter, page: { limit: number; after?: RiskFindingPosition }): Promise<ListedRow[]> {
    // An entity's or a list of assets' findings are few: read through the asset index and sorted,
    // not found by walking the order index past every other asset's findings (a million at 1M
    // assets). `+` keeps the planner off the order index; the rank is an integer, so the order holds.
    const fewAssets = filter.entityRef !== undefined || filter.assetIds !== undefined;
    const query = this.filtered(filter)
      .select(LISTED_COLUMNS.map(c => `f.${c}`))
      .orderByRaw(`${fewAssets ? '+f.severity_rank' : 'f.severity_rank'}, f.sort_label, f.rule_id, f.subject_id`)
      .limit(page.limit + 1);
    if (page.after) {
      const a = page.after;
      query.whereRaw('(f.severity_rank, f.sort_label, f.rule_id, f.subject_id) > (?, ?, ?, ?)', [
        a.severityRank,
        a.sortLabel,
        a.ruleId,
        a.subjectId,
      ]);
    }
    return this.rows<ListedRow>(query, filter);
  }

  async counts(filter: RiskFindingFilter): Promise<RiskFindingCounts> {
    const facets = { severities: filter.severities, ruleIds: filter.ruleIds };
    const narrowed = filter.owner !== undefined || filter.entityRef !== undefined || filter.assetIds !== undefined || filter.visible !== undefined;
    // Without filters other than the facets, the kept counts answer in one small read.
    // Grouped by rank, not severity name: the owner index holds the rank and the rule, so an
    // owner's counts are read from the index alone instead of from every finding's row.
    // An owner's alone, from the counts kept per owner.
    const ownerOnly = filter.owner !== undefined && filter.entityRef === undefined && filter.assetIds === undefined && filter.visible === undefined;
    type Group = { rule_id: string; severity: string; n: number | string };
    let groups: Group[];
    if (!narrowed) {
      groups = await this.rows<Group>(this.db(COUNTS).select('rule_id', 'severity', 'n'), filter);
    } else if (ownerOnly) {
      groups = await this.rows<Group>(
        this.db(OWNER_COUNTS).select('rule_id', 'severity', 'n').where('owner', filter.owner!),
        filter,
      );
    } else {
      const ranked = await this.rows<{ rule_id: string; severity_rank: number | string; n: number | string }>(
        this.filtered({ ...filter, severities: undefined, ruleIds: undefined })
          .select('f.rule_id', 'f.severity_rank')
          .count({ n: '*' })
          .groupBy('f.rule_id', 'f.severity_rank'),
        filter,
      );
      groups = ranked.map(g => ({ rule_id: g.rule_id, severity: RISK_SEVERITIES[Number(g.severity_rank)], n: g.n }));
    }
    return riskFindingCountsFromGroups(
      groups.map(g => ({ ruleId: g.rule_id as RiskRuleId, severity: g.severity as RiskSeverity, n: Number(g.n) })),
      facets,
    );
  }

  /**
   * Runs a read of the risk page as a statement prepared once per connection and reused (see
   * preparedRows): the page's reads are small, and compiling and planning them again on
   * every request cost as much as running them. A conditional read's criteria take too many
   * shapes to keep a statement for each; it runs through knex.
   */
  private async rows<T extends Record<string, unknown>>(query: Knex.QueryBuilder, filter: RiskFindingFilter): Promise<T[]> {
    if (filter.visible !== undefined) return (await query) as T[];
    const compiled = query.toSQL();
    return preparedRows<T>(this.db, pgStatementName('itam_risks', compiled.sql), compiled.sql, compiled.bindings);
  }

  private filtered(filter: RiskFindingFilter) {
    const q = this.db(`${FINDINGS} as f`);
    if (filter.severities?.length) q.whereIn('f.severity_rank', filter.severities.map(severityRank));
    if (filter.ruleIds?.length) q.whereIn('f.rule_id', [...filter.ruleIds]);
    if (filter.owner !== undefined) q.where('f.owner', filter.owner);
    if (filter.assetIds !== undefined) q.whereIn('f.asset_id', [...filter.assetIds]);
    if (filter.entityRef !== undefined) {
      q.whereIn('f.asset_id', this.db('itam_entity_links').select('asset_id').where('entity_ref', filter.entityRef));
    }
    if (filter.visible) {
      const visible = filter.visible;
      // Findings about products, entitlements and devices are not about an asset the policy hides.
      q.where(b =>
        b
          .whereNot('f.subject_kind', 'asset')
          .orWhereIn('f.asset_id', whereAssetCriteria(this.db('itam_assets as a').select('a.id'), visible)),
      );
    }
    return q;
  }
}
