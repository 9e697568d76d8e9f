// @ts-check

/**
 * The asset register: assets, their external (discovery) ids, the append-only history, and the
 * links to catalogue entities, other assets and Jira tickets.
 *
 * The full asset is kept as JSON in `data`; the columns beside it exist to filter, sort and
 * enforce uniqueness, each with the index its access path needs.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itam_assets', table => {
    table.string('id', 64).primary();
    table.string('tag', 64).notNullable().unique();
    table.string('name', 200).notNullable();
    table.string('asset_class', 16).notNullable();
    table.string('type', 64).notNullable();
    table.string('lifecycle_stage', 16).notNullable();
    table.integer('criticality').notNullable();
    table.string('data_classification', 16).notNullable();
    table.string('serial_number', 128).nullable();
    table.string('owner', 255).nullable();
    // Lower-cased "tag name serial" for case-insensitive text search.
    table.text('search_text').notNullable();
    table.text('data').notNullable();
    table.integer('version').notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    // Keyset pagination orders by tag; each filter gets (filter column, tag).
    table.index(['asset_class', 'tag'], 'itam_assets_class_tag_idx');
    table.index(['type', 'tag'], 'itam_assets_type_tag_idx');
    table.index(['lifecycle_stage', 'tag'], 'itam_assets_stage_tag_idx');
    table.index(['owner', 'tag'], 'itam_assets_owner_tag_idx');
    table.index(['serial_number'], 'itam_assets_serial_idx');
  });

  await knex.schema.createTable('itam_asset_external_ids', table => {
    table
      .string('asset_id', 64)
      .notNullable()
      .references('id')
      .inTable('itam_assets')
      .onDelete('CASCADE');
    table.string('source', 64).notNullable();
    table.string('source_id', 256).notNullable();
    table.primary(['source', 'source_id']);
    table.index(['asset_id'], 'itam_asset_external_ids_asset_idx');
  });

  // Append-only: rows are inserted, never updated or deleted (no foreign key, so the trail
  // outlives the asset it describes).
  await knex.schema.createTable('itam_asset_history', table => {
    table.bigIncrements('id').primary();
    table.string('asset_id', 64).notNullable();
    table.integer('version').notNullable();
    table.string('kind', 16).notNullable();
    table.string('actor', 255).notNullable();
    table.string('at', 32).notNullable();
    table.text('reason').nullable();
    table.string('transition_from', 16).nullable();
    table.string('transition_to', 16).nullable();
    table.text('changes').notNullable();
    table.unique(['asset_id', 'version'], { indexName: 'itam_asset_history_version_uq' });
  });

  await knex.schema.createTable('itam_entity_links', table => {
    table
      .string('asset_id', 64)
      .notNullable()
      .references('id')
      .inTable('itam_assets')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.string('role', 32).notNullable();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 32).notNullable();
    table.primary(['asset_id', 'entity_ref', 'role']);
    table.index(['entity_ref', 'asset_id'], 'itam_entity_links_entity_idx');
  });

  await knex.schema.createTable('itam_asset_links', table => {
    table
      .string('source_asset_id', 64)
      .notNullable()
      .references('id')
      .inTable('itam_assets')
      .onDelete('CASCADE');
    table.string('type', 32).notNullable();
    table
      .string('target_asset_id', 64)
      .notNullable()
      .references('id')
      .inTable('itam_assets')
      .onDelete('CASCADE');
    table.string('created_by', 255).notNullable();
    table.string('created_at', 32).notNullable();
    table.primary(['source_asset_id', 'type', 'target_asset_id']);
    table.index(['target_asset_id'], 'itam_asset_links_target_idx');
  });

  await knex.schema.createTable('itam_ticket_links', table => {
    table
      .string('asset_id', 64)
      .notNullable()
      .references('id')
      .inTable('itam_assets')
      .onDelete('CASCADE');
    table.string('site', 253).notNullable();
    table.string('issue_key', 280).notNullable();
    table.string('ticket_type', 16).notNullable();
    table.string('summary', 500).nullable();
    table.string('status', 100).nullable();
    table.boolean('resolved').notNullable().defaultTo(false);
    table.string('created_by', 255).notNullable();
    table.string('created_at', 32).notNullable();
    table.primary(['asset_id', 'site', 'issue_key']);
    table.index(['site', 'issue_key'], 'itam_ticket_links_ticket_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itam_ticket_links');
  await knex.schema.dropTable('itam_asset_links');
  await knex.schema.dropTable('itam_entity_links');
  await knex.schema.dropTable('itam_asset_history');
  await knex.schema.dropTable('itam_asset_external_ids');
  await knex.schema.dropTable('itam_assets');
};
