// @ts-check

/**
 * A covering index for an entity's assets (`GET /entities/{kind}/{ns}/{name}/assets`): the
 * lookup by entity ref reads the asset id and the role straight off the index instead of
 * visiting every link row as well (an index-only scan on PostgreSQL). It replaces the
 * `(entity_ref, asset_id)` index, whose every query it also serves.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itam_entity_links', table => {
    table.index(['entity_ref', 'asset_id', 'role'], 'itam_entity_links_entity_role_idx');
  });
  await knex.schema.alterTable('itam_entity_links', table => {
    table.dropIndex([], 'itam_entity_links_entity_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itam_entity_links', table => {
    table.index(['entity_ref', 'asset_id'], 'itam_entity_links_entity_idx');
  });
  await knex.schema.alterTable('itam_entity_links', table => {
    table.dropIndex([], 'itam_entity_links_entity_role_idx');
  });
};
