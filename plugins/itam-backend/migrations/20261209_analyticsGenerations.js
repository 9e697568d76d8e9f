// @ts-check

/**
 * A generation per kind of analytics snapshot, moved on by every invalidation. A computation
 * notes the generation when it starts and stores its snapshot only if no invalidation came
 * since: a result computed from data a write has changed is never stored after that write.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itam_analytics_generations', table => {
    table.string('kind', 64).primary();
    table.bigInteger('generation').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itam_analytics_generations');
};
