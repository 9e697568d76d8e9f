// @ts-check

/**
 * Licence positions keyed by the reconciliation run that wrote them. A run writes its positions a
 * part of the estate at a time as it reconciles them, then publishes them by naming its run in the
 * positions' header: the reconciliation holds one part's evidence and positions in memory, not the
 * whole estate's (several hundred MB of explanations over a million installations), readers only
 * ever see a whole run, and publishing copies nothing. Runs on two replicas do not mix. The stored
 * positions go, so the first read after the upgrade reconciles again.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const pg = knex.client.config.client === 'pg';
  if (pg) await knex.raw('drop trigger itam_licence_positions_version on itam_licence_positions');
  await knex.schema.dropTable('itam_licence_positions');
  await knex.schema.createTable('itam_licence_positions', table => {
    table.string('run_id', 64).notNullable();
    table.string('product_id', 255).notNullable();
    table.string('status', 32).notNullable();
    table.integer('under_management').notNullable();
    // The product's position without its explanation, and the explanation, as JSON.
    table.text('position').notNullable();
    table.text('explanation').notNullable();
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
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  const pg = knex.client.config.client === 'pg';
  if (pg) await knex.raw('drop trigger itam_licence_positions_version on itam_licence_positions');
  await knex.schema.dropTable('itam_licence_positions');
  await knex.schema.createTable('itam_licence_positions', table => {
    table.string('product_id', 255).primary();
    table.string('status', 32).notNullable();
    table.integer('under_management').notNullable();
    table.text('position').notNullable();
    table.text('explanation').notNullable();
    table.string('computed_at', 32).notNullable();
    table.index(['under_management', 'product_id'], 'itam_licence_positions_managed_idx');
  });
  await knex('itam_analytics_snapshots').where('kind', 'licence-positions').delete();
  if (pg) {
    await knex.raw(`create trigger itam_licence_positions_version after insert or update or delete on itam_licence_positions
      for each statement execute function itam_register_write()`);
  }
};
