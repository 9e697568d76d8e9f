// @ts-check

/**
 * Audit campaigns evaluated in the database instead of over the whole estate in memory:
 *
 * - `itam_assets.location` (indexed with the tag), so a campaign's scope (class, stage, location,
 *   owner) is a query;
 * - indexes on the lower-cased tag and serial number, by which observations name assets;
 * - on PostgreSQL an index on the tag in byte order (`collate "C"`), the order findings are
 *   listed in on both databases (see src/audits/campaignFindings.ts);
 * - `itam_audit_findings`: a closed campaign's findings frozen as rows, one per in-scope asset
 *   and unexpected find, in list order (`seq`), so they are paged instead of stored as one JSON
 *   document in the campaign. Campaigns closed before this migration move their findings there.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const pg = knex.client.config.client === 'pg';
  await knex.schema.alterTable('itam_assets', table => {
    table.string('location', 200).nullable();
  });
  await knex.raw(
    pg
      ? `update itam_assets set location = (data::jsonb ->> 'location') where (data::jsonb ->> 'location') is not null`
      : `update itam_assets set location = json_extract(data, '$.location') where json_extract(data, '$.location') is not null`,
  );
  await knex.schema.alterTable('itam_assets', table => {
    // A scope by location is counted and paged by tag off this index.
    table.index(['location', 'tag'], 'itam_assets_location_tag_idx');
  });
  await knex.raw('create index itam_assets_tag_lower_idx on itam_assets (lower(tag))');
  await knex.raw('create index itam_assets_serial_lower_idx on itam_assets (lower(serial_number))');
  if (pg) await knex.raw('create index itam_assets_tag_bytes_idx on itam_assets (tag collate "C")');

  await knex.schema.createTable('itam_audit_findings', table => {
    table
      .string('campaign_id', 64)
      .notNullable()
      .references('id')
      .inTable('itam_audit_campaigns')
      .onDelete('CASCADE');
    table.integer('seq').notNullable();
    table.string('kind', 24).notNullable();
    table.string('asset_id', 64).nullable();
    table.string('asset_tag', 64).nullable();
    table.string('serial_number', 128).nullable();
    table.string('register_location', 200).nullable();
    table.string('observed_location', 200).nullable();
    table.text('explanation').notNullable();
    table.primary(['campaign_id', 'seq']);
    table.index(['campaign_id', 'kind', 'seq'], 'itam_audit_findings_kind_idx');
  });

  const closed = await knex('itam_audit_campaigns').whereNotNull('result').select('id', 'result');
  for (const campaign of closed) {
    const { findings = [], ...summary } = JSON.parse(campaign.result);
    await knex.transaction(async trx => {
      const rows = findings.map((/** @type {Record<string, string | undefined>} */ f, /** @type {number} */ seq) => ({
        campaign_id: campaign.id,
        seq,
        kind: f.kind,
        asset_id: f.assetId ?? null,
        asset_tag: f.assetTag ?? null,
        serial_number: f.serialNumber ?? null,
        register_location: f.registerLocation ?? null,
        observed_location: f.observedLocation ?? null,
        explanation: f.explanation,
      }));
      await trx.batchInsert('itam_audit_findings', rows, 500);
      await trx('itam_audit_campaigns').where('id', campaign.id).update({ result: JSON.stringify(summary) });
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  const closed = await knex('itam_audit_campaigns').whereNotNull('result').select('id', 'result');
  for (const campaign of closed) {
    const rows = await knex('itam_audit_findings').where('campaign_id', campaign.id).orderBy('seq');
    const findings = rows.map(r => {
      /** @type {Record<string, string>} */
      const f = { kind: r.kind, explanation: r.explanation };
      if (r.asset_id) f.assetId = r.asset_id;
      if (r.asset_tag) f.assetTag = r.asset_tag;
      if (r.serial_number) f.serialNumber = r.serial_number;
      if (r.register_location) f.registerLocation = r.register_location;
      if (r.observed_location) f.observedLocation = r.observed_location;
      return f;
    });
    await knex('itam_audit_campaigns')
      .where('id', campaign.id)
      .update({ result: JSON.stringify({ ...JSON.parse(campaign.result), findings }) });
  }
  await knex.schema.dropTable('itam_audit_findings');
  if (knex.client.config.client === 'pg') await knex.raw('drop index itam_assets_tag_bytes_idx');
  await knex.raw('drop index itam_assets_serial_lower_idx');
  await knex.raw('drop index itam_assets_tag_lower_idx');
  await knex.schema.alterTable('itam_assets', table => {
    table.dropIndex([], 'itam_assets_location_tag_idx');
    table.dropColumn('location');
  });
};
