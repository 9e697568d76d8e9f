// @ts-check

/**
 * Licence positions stored as a list shows them: each product's figures and how many harvest
 * candidates it has, without its harvest candidates and per-consumer explanation. Those lists grow
 * with the installations (some 300 MB of JSON over a million), and writing them was most of a
 * recompute's time; a product's page now reconciles its family again for them. The stored
 * positions go, so the first read after the upgrade reconciles again.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await recreate(knex, false);
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await recreate(knex, true);
};

/**
 * @param {import('knex').Knex} knex
 * @param {boolean} withExplanation
 */
async function recreate(knex, withExplanation) {
  const pg = knex.client.config.client === 'pg';
  if (pg) await knex.raw('drop trigger itam_licence_positions_version on itam_licence_positions');
  await knex.schema.dropTable('itam_licence_positions');
  await knex.schema.createTable('itam_licence_positions', table => {
    table.string('run_id', 64).notNullable();
    table.string('product_id', 255).notNullable();
    table.string('status', 32).notNullable();
    table.integer('under_management').notNullable();
    table.text('position').notNullable();
    if (withExplanation) table.text('explanation').notNullable();
    table.string('computed_at', 32).notNullable();
    table.primary(['run_id', 'product_id']);
    table.index(['run_id', 'under_management', 'product_id'], 'itam_licence_positions_managed_idx');
    table.index(['computed_at'], 'itam_licence_positions_age_idx');
  });
  await knex('itam_analytics_snapshots').where('kind', 'licence-positions').delete();
  if (pg) {
    // Writes of the stored positions move the register version the KPIs are reused by.
    await knex.raw(`create trigger itam_licence_positions_version after insert or update or delete on itam_licence_positions
      for each statement execute function itam_register_write()`);
  }
}
