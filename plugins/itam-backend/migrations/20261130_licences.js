// @ts-check

/**
 * Software asset management: normalised products (with their recognition rules), entitlements,
 * user assignments and concurrent-use peaks. Installations recorded against a product through
 * the API carry its id; imported raw installations (product_id null) are matched to products by
 * the products' recognition rules when positions are computed.
 *
 * `version` is the row's version for optimistic concurrency; a product's release is
 * `product_version`.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itam_software_products', table => {
    table.string('id', 200).primary();
    table.string('publisher', 200).notNullable();
    table.string('name', 200).notNullable();
    table.string('product_version', 64).nullable();
    table.boolean('under_management').notNullable();
    // The whole product as the API takes it: coreCounting, recognition rules...
    table.text('data').notNullable();
    table.integer('version').notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.index(['publisher', 'name'], 'itam_software_products_name_idx');
  });
  await knex.schema.createTable('itam_entitlements', table => {
    table.string('id', 200).primary();
    table
      .string('product_id', 200)
      .notNullable()
      .references('id')
      .inTable('itam_software_products');
    table.string('metric', 32).notNullable();
    table.string('term_end', 10).nullable();
    table.text('data').notNullable();
    table.integer('version').notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.index(['product_id'], 'itam_entitlements_product_idx');
    table.index(['term_end'], 'itam_entitlements_term_end_idx');
  });
  await knex.schema.createTable('itam_user_assignments', table => {
    table
      .string('product_id', 200)
      .notNullable()
      .references('id')
      .inTable('itam_software_products')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 32).notNullable();
    table.primary(['product_id', 'user_ref']);
  });
  await knex.schema.createTable('itam_concurrent_peaks', table => {
    table.bigIncrements('id').primary();
    table
      .string('product_id', 200)
      .notNullable()
      .references('id')
      .inTable('itam_software_products')
      .onDelete('CASCADE');
    table.integer('peak').notNullable();
    table.string('observed_at', 10).notNullable();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 32).notNullable();
    table.index(['product_id', 'observed_at'], 'itam_concurrent_peaks_product_idx');
  });
  // Not a foreign key: SQLite cannot add one to an existing table without rebuilding it. The
  // API checks the product exists, and products are never deleted.
  await knex.schema.alterTable('itam_installations', table => {
    table.string('product_id', 200).nullable();
    table.index(['product_id'], 'itam_installations_product_id_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  // Installations recorded against a product are API data of this migration: they go with it.
  await knex('itam_installations').whereNotNull('product_id').delete();
  await knex.schema.alterTable('itam_installations', table => {
    table.dropIndex(['product_id'], 'itam_installations_product_id_idx');
  });
  await knex.schema.alterTable('itam_installations', table => {
    table.dropColumn('product_id');
  });
  await knex.schema.dropTable('itam_concurrent_peaks');
  await knex.schema.dropTable('itam_user_assignments');
  await knex.schema.dropTable('itam_entitlements');
  await knex.schema.dropTable('itam_software_products');
};
