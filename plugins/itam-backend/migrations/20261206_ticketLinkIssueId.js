// @ts-check

/**
 * Ticket links keyed by the immutable Jira issue id as well as the key: a key changes when an
 * issue moves to another project or its project key is renamed, the id never does. Links made
 * before this migration have no id; the Jira app records it the next time it looks the issue up
 * by its key (see src/jira/jiraRoutes.ts), so nothing is lost meanwhile.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itam_ticket_links', table => {
    table.string('issue_id', 18).nullable();
    table.index(['site', 'issue_id'], 'itam_ticket_links_issue_id_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itam_ticket_links', table => {
    table.dropIndex(['site', 'issue_id'], 'itam_ticket_links_issue_id_idx');
    table.dropColumn('issue_id');
  });
};
