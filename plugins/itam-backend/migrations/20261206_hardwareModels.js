// @ts-check

/**
 * Hardware models (as Snipe-IT's model files describe them): manufacturer, model number,
 * category and the life of the model in months. An asset of a model with a life and no end of
 * life of its own gets purchase date + life as its end of life when imported.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itam_hardware_models', table => {
    table.string('id', 200).primary();
    table.string('name', 200).notNullable();
    table.string('manufacturer', 200).nullable();
    table.string('model_number', 100).nullable();
    table.string('category', 200).nullable();
    table.integer('eol_months').nullable();
    // The whole model as imported (notes, requestable...).
    table.text('data').notNullable();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    // Assets name their model by name (Snipe-IT's "Model" column): looked up case-folded.
    table.string('name_key', 200).notNullable();
    table.index(['name_key'], 'itam_hardware_models_name_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itam_hardware_models');
};
