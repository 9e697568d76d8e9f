// @ts-check

/**
 * The licence reconciliation reads the installations of a part of the products at a time: with
 * only the product id indexed, each row is fetched from wherever it lies in the table (2.1 s for a
 * million installations on SQLite). An index holding what the reconciliation reads of a recorded
 * installation answers from the index alone, in product order (0.5 s). It replaces the index on
 * the product id, which it begins with.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itam_installations', table => {
    table.dropIndex(['product_id'], 'itam_installations_product_id_idx');
  });
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      'create index itam_installations_evidence_idx on itam_installations (product_id) include (id, asset_id, version, last_used)',
    );
  } else {
    // The row id is part of every SQLite index entry.
    await knex.raw('create index itam_installations_evidence_idx on itam_installations (product_id, asset_id, version, last_used)');
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.raw('drop index itam_installations_evidence_idx');
  await knex.schema.alterTable('itam_installations', table => {
    table.index(['product_id'], 'itam_installations_product_id_idx');
  });
};
