// @ts-check

/**
 * Licence positions stored one row per product, beside a small header snapshot (as of, summary):
 * a product page reads its row and the list reads the rows without the explanations, instead of
 * every request parsing one document of every product with every consumer explained (hundreds of
 * MB for 5,000 products over a million installations). The old whole-report snapshot goes, so
 * the first read after the upgrade reconciles into rows.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itam_licence_positions', table => {
    table.string('product_id', 255).primary();
    table.string('status', 32).notNullable();
    table.integer('under_management').notNullable();
    // The product's position without its explanation, and the explanation, as JSON.
    table.text('position').notNullable();
    table.text('explanation').notNullable();
    table.string('computed_at', 32).notNullable();
    table.index(['under_management', 'product_id'], 'itam_licence_positions_managed_idx');
  });
  await knex('itam_analytics_snapshots').where('kind', 'licence-positions').delete();
  if (knex.client.config.client === 'pg') {
    // Writes of the stored positions move the register version the KPIs are reused by.
    await knex.raw(`create trigger itam_licence_positions_version after insert or update or delete on itam_licence_positions
      for each statement execute function itam_register_write()`);
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client === 'pg') await knex.raw('drop trigger itam_licence_positions_version on itam_licence_positions');
  await knex.schema.dropTable('itam_licence_positions');
  await knex('itam_analytics_snapshots').where('kind', 'licence-positions').delete();
};
