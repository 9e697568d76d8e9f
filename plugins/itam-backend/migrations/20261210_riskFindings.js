// @ts-check

/**
 * Risk findings as rows, one per rule and subject, so `GET /risks` pages, filters and counts in
 * the database instead of parsing one snapshot of every finding per request. Asset writes
 * refresh their assets' rows in the same transaction; the scheduled task re-evaluates every asset
 * batch by batch (findings change as days pass) and the licence findings after each
 * reconciliation. The counts per rule and severity are kept beside them, so the page's totals
 * cost one small read.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itam_risk_findings', table => {
    // rule:subjectKind:subjectId (riskFindingKey in @itam/common).
    table.string('finding_key', 700).primary();
    table.string('rule_id', 64).notNullable();
    table.string('severity', 16).notNullable();
    // 0 for critical ... 3 for low: the order findings are listed in.
    table.integer('severity_rank').notNullable();
    // The asset tag, or the subject's label: what findings of a severity are ordered by.
    table.string('sort_label', 512).notNullable();
    table.string('subject_kind', 16).notNullable();
    table.string('subject_id', 512).notNullable();
    table.string('asset_id', 255).nullable();
    // The asset's owner when the finding was evaluated (refreshed with the asset).
    table.string('owner', 512).nullable();
    // The finding as JSON.
    table.text('finding').notNullable();
    table.string('first_seen', 32).notNullable();
    table.string('evaluated_at', 32).notNullable();
    table.index(['severity_rank', 'sort_label', 'rule_id', 'subject_id'], 'itam_risk_findings_order_idx');
    table.index(['rule_id', 'severity_rank', 'sort_label', 'subject_id'], 'itam_risk_findings_rule_idx');
    table.index(['asset_id'], 'itam_risk_findings_asset_idx');
    table.index(['owner', 'severity_rank', 'sort_label', 'rule_id', 'subject_id'], 'itam_risk_findings_owner_idx');
  });
  if (knex.client.config.client === 'pg') {
    // Byte order, as SQLite compares and as @itam/common orders findings, whatever the
    // database's locale: pages and cursors then agree on every installation.
    for (const [column, length] of [['sort_label', 512], ['rule_id', 64], ['subject_id', 512]]) {
      await knex.raw(`alter table itam_risk_findings alter column ${column} type varchar(${length}) collate "C"`);
    }
  }
  await knex.schema.createTable('itam_risk_finding_counts', table => {
    table.string('rule_id', 64).notNullable();
    table.string('severity', 16).notNullable();
    table.bigInteger('n').notNullable();
    table.primary(['rule_id', 'severity']);
  });
  // The snapshot that held every finding as one JSON document: its removal makes the first read
  // after the upgrade evaluate the findings into the new rows.
  await knex('itam_analytics_snapshots').where('kind', 'risk-findings').delete();
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itam_risk_finding_counts');
  await knex.schema.dropTable('itam_risk_findings');
};
