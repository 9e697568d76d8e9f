import {
  auditTotals,
  countAssetFailures,
  dominantCurrency,
  formatIsoDay,
  licenceComplianceFacts,
  parseIsoDay,
  retiredWithin,
  retirementFacts,
  UNDER_MANAGEMENT_STAGES,
  type Asset,
  type AssetTicketLink,
  type AuditEvidence,
  type DateWindow,
  type KpiFacts,
  type LicenceCompliance,
  type LifecycleEvent,
} from '@itam/common';
import type { Knex } from 'knex';
import type { AssetVisibility } from '../database/AssetStore';
import { rowToAsset } from '../database/rows';
import { whereAssetCriteria } from '../permissions/assetCriteria';
import { rawRows } from '../database/engine';
import { COST_SUMMARY, foldRegisterSummaryDeltas, REGISTER_SUMMARY } from './registerSummary';

/** The KPI facts of a window, with what the cost KPI left out. */
export interface RegisterKpiFacts {
  facts: KpiFacts;
  /** The cost KPI's currency: the one asked for, else the one most costed assets are in. */
  currency?: string;
  /** Costed assets in another currency (left out of the cost KPI). */
  otherCurrency: number;
  /** Costed assets in the currency without a purchase date (no window holds them). */
  undated: number;
}

const MANAGED = UNDER_MANAGEMENT_STAGES as readonly string[];
const ID_BATCH = 500;

/**
 * Reads the KPI facts of a window from the database (`summariseKpiInput` of @itam/common is the
 * definition they agree with; a property test holds them equal). What grows with the estate comes
 * from the summaries the database keeps as assets are written (registerSummary.ts), or, for a
 * conditional read, is counted over the assets it allows; only what the window bounds is read as
 * rows: the transitions in it, the assets retired in it, its incident links.
 */
export async function readKpiFacts(
  db: Knex,
  window: DateWindow,
  inputs: {
    currency?: string;
    /** Lifecycle transitions within the window. */
    lifecycleEvents: readonly LifecycleEvent[];
    licencePositions?: readonly LicenceCompliance[];
    audits: readonly AuditEvidence[];
    /** A conditional read's criteria: the asset facts count only the assets they allow. */
    visible?: AssetVisibility;
  },
): Promise<RegisterKpiFacts> {
  // The policy's conditions are part of every query over the register (alias `a`).
  const assets = () => {
    const builder = db('itam_assets as a');
    return inputs.visible ? whereAssetCriteria(builder, inputs.visible) : builder;
  };
  const { stages, byCurrency } = inputs.visible ? await scanRegister(db, assets) : await readRegisterSummary(db);
  const countOf = (stage: string) => stages.get(stage) ?? 0;
  const underManagement = MANAGED.reduce((n, stage) => n + countOf(stage), 0);
  const currency = inputs.currency ?? dominantCurrency(new Map(byCurrency.map(c => [c.currency, c.n])));
  const chosen = byCurrency.find(c => c.currency === currency);
  const costed = byCurrency.reduce((n, c) => n + c.n, 0);
  let cost: KpiFacts['cost'];
  if (currency) {
    const total = inputs.visible
      ? (
          await assets()
            .where('purchase_currency', currency)
            .whereIn('lifecycle_stage', MANAGED)
            .whereBetween('purchase_date', [window.from, window.to])
            .select(db.raw('cast(sum(purchase_cost_minor) as text) as total'))
        )[0].total
      : await summedCost(db, currency, window);
    cost = { currency, totalMinor: BigInt(total ?? 0) };
  }

  const retired = retiredWithin(window, inputs.lifecycleEvents);
  const retiredAssets = await assetsById(assets, [...retired.keys()]);
  // Retirements of assets the caller may not read are not theirs to count.
  if (inputs.visible) for (const id of [...retired.keys()]) if (!retiredAssets.has(id)) retired.delete(id);

  return {
    facts: {
      window,
      underManagement,
      deployed: countOf('deployed'),
      ...(cost ? { cost } : {}),
      retirements: retirementFacts(retired, id => retiredAssets.get(id)),
      incidentFailures: countAssetFailures(window, await incidentLinksAround(db, window, inputs.visible), () => true),
      ...(inputs.licencePositions ? { licences: licenceComplianceFacts(inputs.licencePositions) } : {}),
      audits: auditTotals(window, inputs.audits),
    },
    ...(currency ? { currency } : {}),
    otherCurrency: costed - (chosen?.n ?? 0),
    undated: chosen?.undated ?? 0,
  };
}

interface RegisterCounts {
  stages: Map<string, number>;
  byCurrency: { currency: string; n: number; undated: number }[];
}

/** Stage and currency counts from the summaries the database keeps (see registerSummary.ts). */
async function readRegisterSummary(db: Knex): Promise<RegisterCounts> {
  await foldRegisterSummaryDeltas(db);
  const stages = rawRows<{ lifecycle_stage: string; n: number | string }>(
    db,
    await db.raw(`select lifecycle_stage, sum(n) as n from ${REGISTER_SUMMARY} s group by lifecycle_stage`),
  );
  const currencies = rawRows<{ purchase_currency: string; n: number | string; undated: number | string }>(
    db,
    await db.raw(`select purchase_currency, sum(n) as n, sum(case when purchase_date = '' then n else 0 end) as undated
      from ${COST_SUMMARY} s group by purchase_currency having sum(n) > 0`),
  );
  return {
    stages: new Map(stages.map(r => [r.lifecycle_stage, Number(r.n)])),
    byCurrency: currencies.map(r => ({ currency: String(r.purchase_currency), n: Number(r.n), undated: Number(r.undated) })),
  };
}

/** The same counts over the assets a conditional read allows, counted from the register itself. */
async function scanRegister(db: Knex, assets: () => Knex.QueryBuilder): Promise<RegisterCounts> {
  const stages: { lifecycle_stage: string; n: number | string }[] = await assets()
    .select('lifecycle_stage')
    .count({ n: '*' })
    .groupBy('lifecycle_stage');
  const currencyRows: { purchase_currency: string; n: number | string; undated: number | string }[] = await assets()
    .whereNotNull('purchase_currency')
    .select('purchase_currency')
    .count({ n: '*' })
    .select(db.raw('sum(case when purchase_date is null then 1 else 0 end) as undated'))
    .groupBy('purchase_currency');
  return {
    stages: new Map(stages.map(r => [r.lifecycle_stage, Number(r.n)])),
    byCurrency: currencyRows.map(r => ({ currency: String(r.purchase_currency), n: Number(r.n), undated: Number(r.undated) })),
  };
}

/** The purchase cost of the managed assets bought in the window, in one currency, from the summary. */
async function summedCost(db: Knex, currency: string, window: DateWindow): Promise<string | null> {
  const [row] = rawRows<{ total: string | null }>(
    db,
    await db.raw(
      `select cast(sum(cost_minor) as text) as total from ${COST_SUMMARY} s
       where purchase_currency = ? and lifecycle_stage in (${MANAGED.map(() => '?').join(', ')}) and purchase_date between ? and ?`,
      [currency, ...MANAGED, window.from, window.to],
    ),
  );
  return row?.total ?? null;
}

async function assetsById(from: () => Knex.QueryBuilder, ids: readonly string[]): Promise<Map<string, Asset>> {
  const assets = new Map<string, Asset>();
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    const rows: { data: string }[] = await from().whereIn('a.id', ids.slice(i, i + ID_BATCH)).select('a.data');
    for (const row of rows) {
      const asset = rowToAsset(row);
      assets.set(asset.id, asset);
    }
  }
  return assets;
}

/**
 * Incident links on managed assets created around the window: a day either side, since a time
 * with an offset can fall on the next or previous UTC day. `countAssetFailures` keeps exactly
 * those within the window.
 */
async function incidentLinksAround(db: Knex, window: DateWindow, visible: AssetVisibility): Promise<AssetTicketLink[]> {
  const from = formatIsoDay(parseIsoDay(window.from)! - 1);
  const until = formatIsoDay(parseIsoDay(window.to)! + 2);
  const query = db('itam_ticket_links as t');
  if (visible) whereAssetCriteria(query, visible);
  const rows = await query
    .join('itam_assets as a', 'a.id', 't.asset_id')
    .where('t.ticket_type', 'incident')
    .where('t.created_at', '>=', from)
    .where('t.created_at', '<', until)
    .whereIn('a.lifecycle_stage', MANAGED)
    .select('t.asset_id', 't.site', 't.issue_key', 't.created_at');
  return rows.map(r => ({ assetId: r.asset_id, site: r.site, issueKey: r.issue_key, ticketType: 'incident', createdAt: r.created_at }));
}
