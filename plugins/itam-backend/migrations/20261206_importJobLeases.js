// @ts-check

/**
 * A lease on running import jobs: the process running a job renews `lease_expires_at`; a running
 * job whose lease has expired was abandoned (its process died) and is marked failed when the
 * plugin starts or reads jobs, so no job stays `running` forever and its id can be used again.
 * Jobs running when this migration runs get no lease, so they count as abandoned.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itam_import_jobs', table => {
    table.string('lease_expires_at', 32).nullable();
    table.index(['status', 'lease_expires_at'], 'itam_import_jobs_lease_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itam_import_jobs', table => {
    table.dropIndex(['status', 'lease_expires_at'], 'itam_import_jobs_lease_idx');
  });
  await knex.schema.alterTable('itam_import_jobs', table => {
    table.dropColumn('lease_expires_at');
  });
};
