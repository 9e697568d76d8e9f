// @ts-check

/**
 * Composite indexes for the register's common combined filters (a team's assets of one class
 * in one stage, and one class in one stage), each ending in the tag the keyset pagination
 * orders by: the page is read straight off the index, however large the register grows, instead
 * of walking every asset of the owner (or class) and checking the other filters row by row.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itam_assets', table => {
    table.index(['owner', 'asset_class', 'lifecycle_stage', 'tag'], 'itam_assets_owner_class_stage_tag_idx');
    table.index(['asset_class', 'lifecycle_stage', 'tag'], 'itam_assets_class_stage_tag_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itam_assets', table => {
    table.dropIndex([], 'itam_assets_owner_class_stage_tag_idx');
    table.dropIndex([], 'itam_assets_class_stage_tag_idx');
  });
};
