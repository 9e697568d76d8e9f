import type { Knex } from 'knex';
import { isPg, rawRows } from '../database/engine';

/**
 * The register's counts as the database keeps them (migrations/20261212_registerSummaries.js):
 * triggers on the asset and link tables count every write, so the KPIs and the maturity
 * assessment read a few hundred summary rows, however large the register. On PostgreSQL writers
 * append their net change to delta tables (no shared row to wait on); readers add the deltas to
 * the summary, and fold them in when they find some.
 */

/** Assets per stage, class, owned (0/1), lifecycle facts, ticketed (0/1) and catalogued (0/1). */
export const REGISTER_SUMMARY = `(select lifecycle_stage, asset_class, owned, lifecycle_facts, ticketed, catalogued, n from itam_register_summary
  union all select lifecycle_stage, asset_class, owned, lifecycle_facts, ticketed, catalogued, n from itam_register_summary_deltas)`;

/** Costed assets and their purchase cost per currency, purchase day ('' when undated) and stage. */
export const COST_SUMMARY = `(select purchase_currency, purchase_date, lifecycle_stage, n, cost_minor from itam_cost_summary
  union all select purchase_currency, purchase_date, lifecycle_stage, n, cost_minor from itam_cost_summary_deltas)`;

/** One folder at a time across replicas; the others read summary plus deltas meanwhile. */
const FOLD_LOCK = 0x17a3_0002;

const REGISTER_KEY = 'lifecycle_stage, asset_class, owned, lifecycle_facts, ticketed, catalogued';
const COST_KEY = 'purchase_currency, purchase_date, lifecycle_stage';


/**
 * Moves the PostgreSQL delta rows into the summaries, so reads stay a few hundred rows after a
 * large import. Each fold deletes the deltas it adds in one statement: readers (one statement
 * each) see the rows either before or after it, never twice or not at all. A no-op on SQLite,
 * whose triggers update the summaries directly.
 */
export async function foldRegisterSummaryDeltas(db: Knex): Promise<void> {
  if (!isPg(db)) return;
  const pending = rawRows<{ any: boolean }>(
    db,
    await db.raw(
      'select exists (select 1 from itam_register_summary_deltas) or exists (select 1 from itam_cost_summary_deltas) as any',
    ),
  );
  if (!pending[0]?.any) return;
  await db.transaction(async trx => {
    const [{ locked }] = rawRows<{ locked: boolean }>(db, await trx.raw('select pg_try_advisory_xact_lock(?) as locked', [FOLD_LOCK]));
    if (!locked) return;
    await trx.raw(`with moved as (delete from itam_register_summary_deltas returning ${REGISTER_KEY}, n)
      insert into itam_register_summary (${REGISTER_KEY}, n)
      select ${REGISTER_KEY}, sum(n) from moved group by ${REGISTER_KEY} order by ${REGISTER_KEY}
      on conflict (${REGISTER_KEY}) do update set n = itam_register_summary.n + excluded.n`);
    await trx.raw(`with moved as (delete from itam_cost_summary_deltas returning ${COST_KEY}, n, cost_minor)
      insert into itam_cost_summary (${COST_KEY}, n, cost_minor)
      select ${COST_KEY}, sum(n), sum(cost_minor) from moved group by ${COST_KEY} order by ${COST_KEY}
      on conflict (${COST_KEY}) do update
        set n = itam_cost_summary.n + excluded.n, cost_minor = itam_cost_summary.cost_minor + excluded.cost_minor`);
  });
}
