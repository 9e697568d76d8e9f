// @ts-check

/**
 * Audit campaigns and what auditors observed. An observation keeps the asset it was matched to
 * at the time (if any), so "last verified" per asset is one indexed query.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itam_audit_campaigns', table => {
    table.string('id', 64).primary();
    table.string('name', 200).notNullable();
    table.text('scope').notNullable();
    table.string('due_date', 10).nullable();
    table.string('status', 16).notNullable();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 32).notNullable();
    table.string('closed_by', 255).nullable();
    table.string('closed_at', 32).nullable();
    // The findings frozen when the campaign closed.
    table.text('result').nullable();
    table.index(['status', 'created_at'], 'itam_audit_campaigns_status_idx');
  });
  await knex.schema.createTable('itam_audit_observations', table => {
    table.bigIncrements('id').primary();
    table
      .string('campaign_id', 64)
      .notNullable()
      .references('id')
      .inTable('itam_audit_campaigns')
      .onDelete('CASCADE');
    table.string('asset_id', 64).nullable();
    table.string('asset_tag', 64).nullable();
    table.string('serial_number', 128).nullable();
    table.string('result', 16).notNullable();
    table.string('location', 200).nullable();
    table.text('note').nullable();
    table.string('observed_by', 255).notNullable();
    table.string('observed_at', 32).notNullable();
    table.index(['campaign_id'], 'itam_audit_observations_campaign_idx');
    table.index(['asset_id', 'result', 'observed_at'], 'itam_audit_observations_asset_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itam_audit_observations');
  await knex.schema.dropTable('itam_audit_campaigns');
};
