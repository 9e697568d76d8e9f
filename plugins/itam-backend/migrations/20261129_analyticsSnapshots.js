// @ts-check

/**
 * The latest results of the periodic analytics (risk findings, licence positions), so reads are
 * one row and every backend instance serves the same figures.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itam_analytics_snapshots', table => {
    table.string('kind', 64).primary();
    table.string('computed_at', 32).notNullable();
    table.text('data').notNullable();
  });
  // Finding lookups by asset: history tables stay as they are; transitions are read by time.
  await knex.schema.alterTable('itam_asset_history', table => {
    table.index(['kind', 'at'], 'itam_asset_history_kind_at_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itam_asset_history', table => {
    table.dropIndex(['kind', 'at'], 'itam_asset_history_kind_at_idx');
  });
  await knex.schema.dropTable('itam_analytics_snapshots');
};
