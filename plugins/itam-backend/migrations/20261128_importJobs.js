// @ts-check

/**
 * Import jobs (one per uploaded file, with progress, counts and the first row errors) and the
 * software installations that discovery imports (GLPI inventories) report per device.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itam_import_jobs', table => {
    table.string('id', 64).primary();
    table.string('format', 32).notNullable();
    table.boolean('dry_run').notNullable();
    // running | succeeded | failed
    table.string('status', 16).notNullable();
    // Known once the whole file has been read; the byte counts give progress before that.
    table.integer('rows_total').nullable();
    table.integer('rows_done').notNullable().defaultTo(0);
    table.bigInteger('bytes_total').nullable();
    table.bigInteger('bytes_done').notNullable().defaultTo(0);
    table.integer('created_count').notNullable().defaultTo(0);
    table.integer('updated_count').notNullable().defaultTo(0);
    table.integer('unchanged_count').notNullable().defaultTo(0);
    table.integer('refused_count').notNullable().defaultTo(0);
    // Every row error is counted; only the first ones are kept (JSON [{ row, field, message }]).
    table.integer('error_count').notNullable().defaultTo(0);
    table.text('errors').notNullable();
    table.text('summary').notNullable();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.string('finished_at', 32).nullable();
    table.index(['created_at'], 'itam_import_jobs_created_idx');
  });

  // Consumption evidence: what a discovery source saw installed on a device. A source's rows
  // for a device are replaced as a whole on each import.
  await knex.schema.createTable('itam_installations', table => {
    table.bigIncrements('id').primary();
    table
      .string('asset_id', 64)
      .notNullable()
      .references('id')
      .inTable('itam_assets')
      .onDelete('CASCADE');
    table.string('product_name', 255).notNullable();
    table.string('version', 128).nullable();
    table.string('publisher', 255).nullable();
    table.string('install_date', 10).nullable();
    table.string('last_used', 32).nullable();
    table.string('source', 64).notNullable();
    table.string('imported_at', 32).notNullable();
    table.index(['asset_id', 'source'], 'itam_installations_asset_idx');
    table.index(['product_name', 'version'], 'itam_installations_product_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itam_installations');
  await knex.schema.dropTable('itam_import_jobs');
};
