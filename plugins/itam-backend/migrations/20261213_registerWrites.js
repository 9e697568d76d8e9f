// @ts-check

/**
 * A version of what the analytics read, on PostgreSQL: every statement that writes one of the
 * register's tables appends a row to `itam_register_writes` (a statement-level trigger; appends
 * never wait on one another), so the number of rows committed, with the epoch folds move on,
 * changes whenever a committed write does. Any replica then reuses its KPIs, maturity assessment
 * and open audit evaluations until the next committed write (see src/analytics/registerVersion.ts).
 * SQLite needs none of this: the plugin is the only writer of its file and counts its own writes.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw('create table itam_register_writes (id bigserial primary key)');
  await knex.raw('create table itam_register_epoch (id integer primary key, epoch bigint not null)');
  await knex.raw('insert into itam_register_epoch (id, epoch) values (1, 0)');
  await knex.raw(`create function itam_register_write() returns trigger language plpgsql as $$
    begin
      insert into itam_register_writes default values;
      return null;
    end $$`);
  for (const table of exports.VERSIONED_TABLES) {
    await knex.raw(`create trigger ${table}_version after insert or update or delete on ${table}
      for each statement execute function itam_register_write()`);
  }
};

/**
 * The tables whose writes move the version: what the register, the links, the licences and the
 * audits hold, and the stored analytics. Not the tables derived from them in the same statement
 * (summaries, risk findings, the entity lookup) nor the import jobs' bookkeeping. A migration
 * adding a table the analytics read adds its trigger.
 */
exports.VERSIONED_TABLES = [
  'itam_assets',
  'itam_asset_external_ids',
  'itam_asset_history',
  'itam_asset_links',
  'itam_entity_links',
  'itam_ticket_links',
  'itam_hardware_models',
  'itam_software_products',
  'itam_entitlements',
  'itam_installations',
  'itam_user_assignments',
  'itam_concurrent_peaks',
  'itam_audit_campaigns',
  'itam_audit_observations',
  'itam_audit_findings',
  'itam_analytics_snapshots',
  'itam_analytics_generations',
];

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  for (const table of exports.VERSIONED_TABLES) await knex.raw(`drop trigger ${table}_version on ${table}`);
  await knex.raw('drop function itam_register_write()');
  await knex.raw('drop table itam_register_epoch');
  await knex.raw('drop table itam_register_writes');
};
