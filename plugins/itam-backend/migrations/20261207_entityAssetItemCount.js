// @ts-check

/**
 * How many items each entity's stored asset items hold, so `GET /entities/.../assets` can serve a
 * short list from its one row and page through a long one from the links (see
 * src/database/entityAssetItems.ts).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itam_entity_asset_items', table => {
    table.integer('item_count').notNullable().defaultTo(0);
  });
  await knex.raw(
    'update itam_entity_asset_items set item_count = (select count(*) from itam_entity_links l ' +
      'join itam_assets a on a.id = l.asset_id where l.entity_ref = itam_entity_asset_items.entity_ref)',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itam_entity_asset_items', table => {
    table.dropColumn('item_count');
  });
};
