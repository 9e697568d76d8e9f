import {
  ASSET_CLASSES,
  IN_SERVICE_STAGES,
  recentAudits,
  requiredLifecycleBits,
  summariseMaturityInput,
  UNDER_MANAGEMENT_STAGES,
  type AuditEvidence,
  type LicenceCompliance,
  type MaturityFacts,
  type MaturityModel,
  type ShareCount,
} from '@itam/common';
import type { Knex } from 'knex';
import { foldRegisterSummaryDeltas, REGISTER_SUMMARY } from './registerSummary';
import { isPg, rawRows } from '../database/engine';

/** Ids checked per statement, and read per page when looking for assets no audit verified. */
const ID_BATCH = 500;

/**
 * Reads the maturity facts on `asOf` from the database with aggregate queries (common's
 * `summariseMaturityInput` is the definition they agree with; a property test holds them equal):
 * shares are counted from the register summary the database keeps as assets and links are written
 * (registerSummary.ts), and only the first `maxLacking` lacking ids (by id) are read. Audits and licence
 * positions, which are bounded by what was audited and the products, come in as lists.
 */
export async function readMaturityFacts(
  db: Knex,
  asOf: string,
  model: MaturityModel,
  inputs: {
    audits: readonly AuditEvidence[];
    licensing?: { productsUnderManagement: readonly string[]; positions: readonly LicenceCompliance[] };
    maxLacking: number;
  },
): Promise<MaturityFacts> {
  const recent = recentAudits(asOf, inputs.audits, model);
  const pg = isPg(db);
  // Lacking ids in code-unit order, as common sorts them (PostgreSQL's default collation is not).
  const byId = pg ? 'a.id collate "C"' : 'a.id';
  // The stage filter is kept off SQLite's stage index (`+`): the first lacking ids are then found
  // walking the id index in order, instead of sorting every asset of the stages.
  const stageColumn = pg ? 'a.lifecycle_stage' : '+a.lifecycle_stage';
  const assets = (stages: readonly string[]) =>
    db('itam_assets as a').whereRaw(`${stageColumn} in (${stages.map(() => '?').join(', ')})`, [...stages]);
  const managed = () => assets(UNDER_MANAGEMENT_STAGES);
  const inService = () => assets(IN_SERVICE_STAGES);

  // Every population and lacking count from the summary; the lacking ids, at most `maxLacking`
  // of each, are read after, only where some lack.
  const counts = await countShares(db, model);
  const share = async (
    population: () => Knex.QueryBuilder,
    lacking: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
    counted: { population: number; lacking: number },
  ): Promise<ShareCount> => ({
    population: counted.population,
    lackingCount: counted.lacking,
    lacking:
      inputs.maxLacking > 0 && counted.lacking > 0
        ? await lacking(population()).orderByRaw(byId).limit(inputs.maxLacking).pluck('a.id')
        : [],
  });

  const required = ASSET_CLASSES.map(c => [c, requiredLifecycleBits(model, c)] as const).filter(([, bits]) => bits !== 0);
  const requiringFacts = () => managed().whereIn('a.asset_class', required.map(([c]) => c));
  const incomplete = (q: Knex.QueryBuilder) =>
    q.where(b => {
      for (const [assetClass, bits] of required) {
        b.orWhere(c => c.where('a.asset_class', assetClass).whereRaw('(a.lifecycle_facts & ?) <> ?', [bits, bits]));
      }
    });
  const unlinked = (table: string) => (q: Knex.QueryBuilder) => q.whereNotExists(db(table).whereRaw(`${table}.asset_id = a.id`).select(db.raw('1')));

  // Audit accuracy and licence coverage are over the audits and the products, lists in hand:
  // the definition itself counts them (no asset takes part in either).
  const { auditAccuracy, licenceCoverage } = summariseMaturityInput(
    { asOf, assets: [], audits: inputs.audits, ...(inputs.licensing ? { licensing: inputs.licensing } : {}) },
    model,
    inputs.maxLacking,
  );
  return {
    asOf,
    ownerCoverage: await share(managed, q => q.whereNull('a.owner'), { population: counts.managed, lacking: counts.unowned }),
    lifecycleCompleteness: await share(requiringFacts, incomplete, { population: counts.requiring, lacking: counts.incomplete }),
    auditRecency: await auditRecency(managed, counts.managed, new Set(recent.flatMap(a => a.verifiedAssetIds)), byId, inputs.maxLacking),
    auditAccuracy,
    licenceCoverage,
    ticketIntegration: await share(inService, unlinked('itam_ticket_links'), { population: counts.inService, lacking: counts.unticketed }),
    catalogueIntegration: await share(inService, unlinked('itam_entity_links'), { population: counts.inService, lacking: counts.uncatalogued }),
  };
}

/**
 * Assets under management not verified by a recent audit. The verified ids come from the audits'
 * findings (bounded by what was audited), so they are counted against the register in batches,
 * and the first lacking ids found by paging the managed assets in id order.
 */
async function auditRecency(
  managed: () => Knex.QueryBuilder,
  population: number,
  verified: ReadonlySet<string>,
  byId: string,
  maxLacking: number,
): Promise<ShareCount> {
  const ids = [...verified];
  let verifiedManaged = 0;
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    verifiedManaged += Number((await managed().whereIn('a.id', ids.slice(i, i + ID_BATCH)).count({ n: '*' }))[0].n);
  }
  const lackingCount = population - verifiedManaged;
  const lacking: string[] = [];
  let after: string | undefined;
  while (lacking.length < Math.min(maxLacking, lackingCount)) {
    const page = managed();
    if (after !== undefined) page.whereRaw(`${byId} > ?`, [after]);
    const rows: string[] = await page.orderByRaw(byId).limit(ID_BATCH).pluck('a.id');
    if (rows.length === 0) break;
    for (const id of rows) if (!verified.has(id) && lacking.length < maxLacking) lacking.push(id);
    after = rows[rows.length - 1];
  }
  return { population, lackingCount, lacking };
}

/**
 * The populations and lacking counts of the shares, from the register summary the database keeps
 * (registerSummary.ts): each a sum of the counts whose key meets a condition, over a few hundred
 * rows however large the register.
 */
async function countShares(db: Knex, model: MaturityModel) {
  await foldRegisterSummaryDeltas(db);
  const list = (values: readonly string[]) => values.map(() => '?').join(', ');
  const managed = `s.lifecycle_stage in (${list(UNDER_MANAGEMENT_STAGES)})`;
  const inService = `s.lifecycle_stage in (${list(IN_SERVICE_STAGES)})`;
  const required = ASSET_CLASSES.map(c => [c, requiredLifecycleBits(model, c)] as const).filter(([, bits]) => bits !== 0);
  const requiring = required.length > 0 ? `s.asset_class in (${list(required.map(([c]) => c))})` : '1 = 0';
  const incomplete = required.length > 0 ? required.map(() => '(s.asset_class = ? and (s.lifecycle_facts & ?) <> ?)').join(' or ') : '1 = 0';
  const sum = (condition: string) => `coalesce(sum(case when ${condition} then s.n else 0 end), 0)`;
  const sql = `select
      ${sum(managed)} as managed,
      ${sum(`${managed} and s.owned = 0`)} as unowned,
      ${sum(`${managed} and ${requiring}`)} as requiring,
      ${sum(`${managed} and ${requiring} and (${incomplete})`)} as incomplete,
      ${sum(inService)} as in_service,
      ${sum(`${inService} and s.ticketed = 0`)} as unticketed,
      ${sum(`${inService} and s.catalogued = 0`)} as uncatalogued
    from ${REGISTER_SUMMARY} s`;
  const requiredClasses = required.map(([c]) => c);
  const incompleteBindings = required.flatMap(([c, bits]) => [c, bits, bits]);
  const bindings = [
    ...UNDER_MANAGEMENT_STAGES,
    ...UNDER_MANAGEMENT_STAGES,
    ...UNDER_MANAGEMENT_STAGES,
    ...requiredClasses,
    ...UNDER_MANAGEMENT_STAGES,
    ...requiredClasses,
    ...incompleteBindings,
    ...IN_SERVICE_STAGES,
    ...IN_SERVICE_STAGES,
    ...IN_SERVICE_STAGES,
  ];
  const [row] = rawRows<Record<string, number | string>>(db, await db.raw(sql, bindings));
  const n = (key: string) => Number(row[key]);
  return {
    managed: n('managed'),
    unowned: n('unowned'),
    requiring: n('requiring'),
    incomplete: n('incomplete'),
    inService: n('in_service'),
    unticketed: n('unticketed'),
    uncatalogued: n('uncatalogued'),
  };
}
