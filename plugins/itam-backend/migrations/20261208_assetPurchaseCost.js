// @ts-check

/**
 * Each asset's purchase cost beside it (currency, minor units, date), indexed with its lifecycle
 * stage, so the cost KPI of a window is one indexed sum instead of a read of every asset; and
 * ticket links indexed by type and creation time, so a window's incidents are a range read (see
 * src/analytics/kpiFacts.ts).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itam_assets', table => {
    table.string('purchase_currency', 3).nullable();
    table.string('purchase_date', 10).nullable();
    table.bigInteger('purchase_cost_minor').nullable();
    table.index(
      ['purchase_currency', 'lifecycle_stage', 'purchase_date', 'purchase_cost_minor'],
      'itam_assets_purchase_cost_idx',
    );
  });
  await knex.schema.alterTable('itam_ticket_links', table => {
    table.index(['ticket_type', 'created_at'], 'itam_ticket_links_type_created_idx');
  });
  // Rounding to the currency's minor unit is the domain package's rule, so the backfill uses it.
  const { purchaseCostFacts } = require('@itam/common');
  let after = '';
  for (;;) {
    const rows = await knex('itam_assets').select('id', 'data').where('id', '>', after).orderBy('id').limit(2000);
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    await knex.transaction(async trx => {
      for (const row of rows) {
        const facts = purchaseCostFacts(JSON.parse(row.data));
        if (!facts) continue;
        await trx('itam_assets')
          .where('id', row.id)
          .update({
            purchase_currency: facts.currency,
            purchase_date: facts.date ?? null,
            purchase_cost_minor: facts.costMinor.toString(),
          });
      }
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itam_ticket_links', table => {
    table.dropIndex([], 'itam_ticket_links_type_created_idx');
  });
  await knex.schema.alterTable('itam_assets', table => {
    table.dropIndex([], 'itam_assets_purchase_cost_idx');
    table.dropColumn('purchase_currency');
    table.dropColumn('purchase_date');
    table.dropColumn('purchase_cost_minor');
  });
};
