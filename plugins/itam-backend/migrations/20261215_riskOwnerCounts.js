// @ts-check

/**
 * The risk findings' counts per owner, rule and severity, kept beside the counts per rule and
 * severity by the same writes: an owner's view of the risk page (the most common filter) then
 * reads its totals from a few rows instead of counting the owner's findings in the index on every
 * request (thousands of entries per team at a million assets, five times a register page).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itam_risk_finding_owner_counts', table => {
    table.string('owner', 512).notNullable();
    table.string('rule_id', 64).notNullable();
    table.string('severity', 16).notNullable();
    table.bigInteger('n').notNullable();
    table.primary(['owner', 'rule_id', 'severity']);
  });
  await knex.raw(
    `insert into itam_risk_finding_owner_counts (owner, rule_id, severity, n)
     select owner, rule_id, severity, count(*) from itam_risk_findings where owner is not null group by owner, rule_id, severity`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itam_risk_finding_owner_counts');
};
