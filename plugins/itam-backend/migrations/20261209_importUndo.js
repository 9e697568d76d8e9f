// @ts-check

/**
 * The undo log of import jobs being written. An import writes its rows in short transactions (so
 * a large job does not hold the database, SQLite's one connection above all, for its whole write
 * phase); each transaction also records here how to take its rows back. When the job has written
 * everything its records are deleted in the transaction that marks the job committed; when it
 * fails, or its process dies, the records are applied in reverse and the register is as it was.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itam_import_undo', table => {
    table.bigIncrements('id').primary();
    table.string('job_id', 64).notNullable();
    // JSON: the assets created, the assets updated as they were, the installations replaced and
    // the links added by one write transaction.
    table.text('undo').notNullable();
    table.string('created_at', 32).notNullable();
    table.index(['job_id', 'id'], 'itam_import_undo_job_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itam_import_undo');
};
