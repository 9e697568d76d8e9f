// @ts-check

/**
 * The entity asset lookup's read model: per catalogue entity, the items of
 * `GET /entities/{kind}/{ns}/{name}/assets` (each linked asset's JSON with its role, in tag then
 * role order) as one text value, so that a lookup reads one row instead of joining ~50 asset rows
 * scattered over the table. The plugin rebuilds an entity's row in every transaction that changes
 * its links or linked assets; this migration builds the rows of the links that already exist.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itam_entity_asset_items', table => {
    table.string('entity_ref', 255).primary();
    table.text('items').notNullable();
  });
  const role = knex.client.config.client === 'pg' ? 'to_json(l.role)::text' : 'json_quote(l.role)';
  const aggregate = knex.client.config.client === 'pg' ? 'string_agg' : 'group_concat';
  await knex.raw(
    `insert into itam_entity_asset_items (entity_ref, items) select l.entity_ref, ` +
      `${aggregate}('{"asset":' || a.data || ',"role":' || ${role} || '}', ',' order by a.tag, l.role) ` +
      'from itam_entity_links l join itam_assets a on a.id = l.asset_id group by l.entity_ref',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itam_entity_asset_items');
};
