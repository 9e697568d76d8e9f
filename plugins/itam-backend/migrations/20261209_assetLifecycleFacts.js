// @ts-check

/**
 * Which lifecycle facts each asset carries (purchase date, warranty end, end of life, end of
 * support) as bits beside it, so the maturity assessment counts lifecycle completeness with one
 * aggregate query instead of reading every asset (see src/analytics/maturityFacts.ts).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itam_assets', table => {
    table.integer('lifecycle_facts').notNullable().defaultTo(0);
  });
  // Which fact is which bit is the domain package's rule, so the backfill uses it.
  const { lifecycleFactBits } = require('@itam/common');
  let after = '';
  for (;;) {
    const rows = await knex('itam_assets').select('id', 'data').where('id', '>', after).orderBy('id').limit(2000);
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    await knex.transaction(async trx => {
      for (const row of rows) {
        const bits = lifecycleFactBits(JSON.parse(row.data));
        if (bits !== 0) await trx('itam_assets').where('id', row.id).update({ lifecycle_facts: bits });
      }
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itam_assets', table => {
    table.dropColumn('lifecycle_facts');
  });
};
