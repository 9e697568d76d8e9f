// @ts-check

/**
 * One currency for every priced entitlement, enforced where the entitlement is written: the
 * price currency as a column (so the check is one indexed query) and a lock row that writers of a
 * priced entitlement take first, so two writers in different currencies cannot both pass the
 * check (see src/licences/KnexLicenceStore.ts).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itam_entitlements', table => {
    table.string('currency', 3).nullable();
    table.index(['currency'], 'itam_entitlements_currency_idx');
  });
  // Entitlements are tens of thousands at most: read them once, write back the priced ones.
  const rows = await knex('itam_entitlements').select('id', 'data');
  for (const row of rows) {
    const currency = JSON.parse(row.data).currency;
    if (typeof currency === 'string') await knex('itam_entitlements').where('id', row.id).update({ currency });
  }
  await knex.schema.createTable('itam_write_locks', table => {
    table.string('name', 100).primary();
  });
  await knex('itam_write_locks').insert({ name: 'entitlement-currency' });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itam_write_locks');
  await knex.schema.alterTable('itam_entitlements', table => {
    table.dropIndex(['currency'], 'itam_entitlements_currency_idx');
    table.dropColumn('currency');
  });
};
