// @ts-check

/**
 * A text search of the register (`q`: a tag, a serial, part of a name) reads the assets in tag
 * order until a page of them matches: with only the tag indexed, SQLite fetches each row from the
 * table to test its search text, and a search matching one asset of a million read them all
 * (0.9-1.1 s). An index holding the search text beside the tag tests it in the index and fetches
 * only the matches (0.2 s on a million assets; inserts about 13% slower). SQLite only: PostgreSQL
 * checks the text in the table either way (an index scan tests no filter before it fetches); its
 * index is a trigram one (20261220_assetSearchTrigrams.js).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client === 'pg') return;
  await knex.raw('create index itam_assets_tag_search_idx on itam_assets (tag, search_text)');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client === 'pg') return;
  await knex.raw('drop index itam_assets_tag_search_idx');
};
