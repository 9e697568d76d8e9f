// @ts-check

/**
 * PostgreSQL's side of the register's text search (`q`): with only the tag indexed, a search that
 * matches one asset of a million reads every row in tag order to test its search text (1.3 s on
 * a million rows here). A trigram index (pg_trgm, a trusted extension any database owner may
 * create) finds the matches of `like '%text%'` directly (5 ms), and the planner still walks the
 * tags when the text is common. Building it over a million existing assets takes about 25 s, once.
 *
 * Where the extension cannot be created (no privilege, or it lives in a schema outside the search
 * path), the search keeps working without the index: the attempt runs in a savepoint so the rest
 * of the migration is not lost with it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;
  try {
    await knex.transaction(async trx => {
      await trx.raw('create extension if not exists pg_trgm');
      await trx.raw('create index itam_assets_search_trgm_idx on itam_assets using gin (search_text gin_trgm_ops)');
    });
  } catch (error) {
    // Not fatal: see above. The message says why, for the operator reading the backend's log.
    console.warn(`itam: register search runs without a trigram index: ${String(error)}`);
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  // The extension stays: other plugins in the same database may use it.
  await knex.raw('drop index if exists itam_assets_search_trgm_idx');
};
