import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { knex as createKnex, type Knex } from 'knex';
import { KnexImportJobStore } from '../imports/ImportJobStore';
import { itamTestDatabases } from './testBackend';

const migrationsDir = resolvePackagePath('@itam/backstage-plugin-itam-backend', 'migrations');
const config = { directory: migrationsDir, tableName: 'itam_knex_migrations' };

const databases = itamTestDatabases();

/** Migrates to just before `name` (every migration before it applied, it and later ones not). */
async function migrateToBefore(knex: Knex, name: string) {
  await knex.migrate.latest(config);
  for (;;) {
    const [completed] = (await knex.migrate.list(config)) as [{ name: string }[], unknown[]];
    if (!completed.some(m => m.name === name)) return;
    await knex.migrate.down(config);
  }
}

// Matches on the message, not the class: better-sqlite3 is a native module loaded once per jest
// worker, so its errors may come from another test file's realm and fail `toThrow`.
const uniqueViolation = expect.objectContaining({
  message: expect.stringMatching(/unique|duplicate key/i),
});

/**
 * An `itam_assets` row with only the columns the first migrations created (later ones add theirs
 * and backfill them from `data`), for the migrations that read existing assets.
 */
const legacyAssetRow = (id: string, tag: string, fields: object) => ({
  id,
  tag,
  name: tag,
  asset_class: 'hardware',
  type: 'laptop',
  lifecycle_stage: 'deployed',
  criticality: 3,
  data_classification: 'internal',
  search_text: tag.toLowerCase(),
  data: JSON.stringify({ id, tag, ...fields }),
  version: 1,
  created_at: '2026-12-01T00:00:00.000Z',
  updated_at: '2026-12-01T00:00:00.000Z',
});

describe.each(databases.eachSupportedId())('migrations on %s', databaseId => {
  it('go up, hold data with their constraints, and go down to nothing', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest(config);

    await knex('itam_assets').insert({
      id: 'a1',
      tag: 'LAP-1',
      name: 'laptop',
      asset_class: 'hardware',
      type: 'laptop',
      lifecycle_stage: 'in-stock',
      criticality: 3,
      data_classification: 'internal',
      search_text: 'lap-1 laptop',
      data: '{}',
      version: 1,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    });
    await knex('itam_entity_links').insert({
      asset_id: 'a1',
      entity_ref: 'component:default/api',
      role: 'runs-on',
      created_by: 'user:default/jane',
      created_at: '2026-01-01T00:00:00.000Z',
    });
    // Tags are unique.
    await expect(
      knex('itam_assets').insert({
        id: 'a2',
        tag: 'LAP-1',
        name: 'dup',
        asset_class: 'hardware',
        type: 'laptop',
        lifecycle_stage: 'planned',
        criticality: 3,
        data_classification: 'internal',
        search_text: '',
        data: '{}',
        version: 1,
        created_at: '',
        updated_at: '',
      }),
    ).rejects.toEqual(uniqueViolation);
    // A history version is written once.
    const event = {
      asset_id: 'a1',
      version: 1,
      kind: 'created',
      actor: 'user:default/jane',
      at: '2026-01-01T00:00:00.000Z',
      changes: '[]',
    };
    await knex('itam_asset_history').insert(event);
    await expect(knex('itam_asset_history').insert(event)).rejects.toEqual(uniqueViolation);

    await knex.migrate.rollback(config, true);
    for (const table of ['itam_assets', 'itam_asset_history', 'itam_entity_links', 'itam_entity_asset_items', 'itam_asset_links', 'itam_ticket_links', 'itam_asset_external_ids', 'itam_audit_campaigns', 'itam_audit_observations', 'itam_import_jobs', 'itam_installations', 'itam_analytics_snapshots', 'itam_software_products', 'itam_entitlements', 'itam_user_assignments', 'itam_concurrent_peaks', 'itam_hardware_models', 'itam_import_undo', 'itam_analytics_generations']) {
      expect(await knex.schema.hasTable(table)).toBe(false);
    }
    await knex.migrate.latest(config);
    const [{ n }] = await knex('itam_assets').count({ n: '*' });
    expect(Number(n)).toBe(0);
    await knex.destroy();
  });

  it('build the entity lookup\'s stored items from the links that exist when its table arrives', async () => {
    const knex = await databases.init(databaseId);
    await migrateToBefore(knex, '20261203_entityAssetItems.js');
    expect(await knex.schema.hasTable('itam_entity_asset_items')).toBe(false);
    const asset = (id: string, tag: string) => ({
      id,
      tag,
      name: tag,
      asset_class: 'hardware',
      type: 'laptop',
      lifecycle_stage: 'in-stock',
      criticality: 3,
      data_classification: 'internal',
      search_text: tag.toLowerCase(),
      data: JSON.stringify({ id, tag, name: 'Quote "and" ünïcode' }),
      version: 1,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    });
    await knex('itam_assets').insert([asset('a2', 'LAP-2'), asset('a1', 'LAP-1')]);
    const link = (assetId: string, entityRef: string, role: string) => ({
      asset_id: assetId,
      entity_ref: entityRef,
      role,
      created_by: 'user:default/jane',
      created_at: '2026-01-01T00:00:00.000Z',
    });
    await knex('itam_entity_links').insert([
      link('a2', 'component:default/api', 'uses'),
      link('a1', 'component:default/api', 'uses'),
      link('a1', 'component:default/api', 'runs-on'),
      link('a2', 'system:default/payments', 'uses'),
    ]);

    await knex.migrate.up(config);
    const rows = await knex('itam_entity_asset_items').orderBy('entity_ref');
    expect(rows.map(r => [r.entity_ref, JSON.parse(`[${r.items}]`)])).toEqual([
      [
        'component:default/api',
        [
          { asset: { id: 'a1', tag: 'LAP-1', name: 'Quote "and" ünïcode' }, role: 'runs-on' },
          { asset: { id: 'a1', tag: 'LAP-1', name: 'Quote "and" ünïcode' }, role: 'uses' },
          { asset: { id: 'a2', tag: 'LAP-2', name: 'Quote "and" ünïcode' }, role: 'uses' },
        ],
      ],
      ['system:default/payments', [{ asset: { id: 'a2', tag: 'LAP-2', name: 'Quote "and" ünïcode' }, role: 'uses' }]],
    ]);
    await knex.destroy();
  });

  it('add hardware models, and take them away again', async () => {
    const knex = await databases.init(databaseId);
    await migrateToBefore(knex, '20261206_hardwareModels.js');
    expect(await knex.schema.hasTable('itam_hardware_models')).toBe(false);
    await knex.migrate.up(config);
    const model = {
      id: 'snipeit-dell-latitude-5440',
      name: 'Latitude 5440',
      name_key: 'latitude 5440',
      manufacturer: 'Dell',
      model_number: '5440',
      category: 'Laptops',
      eol_months: 36,
      data: '{}',
      created_by: 'user:default/jane',
      created_at: '2026-12-06T00:00:00.000Z',
      updated_at: '2026-12-06T00:00:00.000Z',
    };
    await knex('itam_hardware_models').insert(model);
    await expect(knex('itam_hardware_models').insert(model)).rejects.toEqual(uniqueViolation);
    expect(await knex('itam_hardware_models').where({ name_key: 'latitude 5440' }).first('eol_months')).toEqual({ eol_months: 36 });
    await knex.migrate.down(config);
    expect(await knex.schema.hasTable('itam_hardware_models')).toBe(false);
    await knex.destroy();
  });

  it('record the lifecycle facts of the assets there are, as common counts them', async () => {
    const knex = await databases.init(databaseId);
    await migrateToBefore(knex, '20261209_assetLifecycleFacts.js');
    const asset = legacyAssetRow;
    await knex('itam_assets').insert([
      asset('a1', 'LF-1', { purchase: { date: '2024-01-01' }, warrantyEnd: '2027-01-01', endOfLife: '2029-01-01' }),
      asset('a2', 'LF-2', { endOfSupport: '2028-01-01' }),
      asset('a3', 'LF-3', {}),
    ]);
    await knex.migrate.up(config);
    expect(await knex('itam_assets').orderBy('id').pluck('lifecycle_facts')).toEqual([0b0111, 0b1000, 0]);
    await knex.migrate.down(config);
    expect(await knex.schema.hasColumn('itam_assets', 'lifecycle_facts')).toBe(false);
    await knex.destroy();
  });

  it('give import jobs a lease: jobs running before it count as abandoned', async () => {
    const knex = await databases.init(databaseId);
    await migrateToBefore(knex, '20261206_importJobLeases.js');
    const job = (id: string, status: string) => ({
      id,
      format: 'itam-csv',
      dry_run: false,
      status,
      rows_done: 10,
      bytes_done: 100,
      errors: '[]',
      summary: '{"applied":false}',
      created_by: 'user:default/jane',
      created_at: '2026-12-01T00:00:00.000Z',
      updated_at: '2026-12-01T00:00:00.000Z',
    });
    await knex('itam_import_jobs').insert([job('stuck', 'running'), job('done', 'succeeded')]);
    await knex.migrate.up(config);
    expect(await knex.schema.hasColumn('itam_import_jobs', 'lease_expires_at')).toBe(true);
    // The store of today needs the later migrations too (the import undo log).
    await knex.migrate.latest(config);
    expect(await KnexImportJobStore.create(knex).failAbandoned('2026-12-06T00:00:00.000Z')).toBe(1);
    expect(await KnexImportJobStore.create(knex).get('stuck')).toMatchObject({ status: 'failed', summary: { abandoned: true } });
    expect(await KnexImportJobStore.create(knex).get('done')).toMatchObject({ status: 'succeeded' });
    while (await knex.schema.hasColumn('itam_import_jobs', 'lease_expires_at')) await knex.migrate.down(config);
    expect(Number((await knex('itam_import_jobs').count({ n: '*' }))[0].n)).toBe(2);
    await knex.destroy();
  });

  it('keep links made before issue ids were recorded, and key new ones by issue id', async () => {
    const knex = await databases.init(databaseId);
    await migrateToBefore(knex, '20261206_ticketLinkIssueId.js');
    await knex('itam_assets').insert({
      id: 'a1',
      tag: 'LAP-1',
      name: 'laptop',
      asset_class: 'hardware',
      type: 'laptop',
      lifecycle_stage: 'in-stock',
      criticality: 3,
      data_classification: 'internal',
      search_text: 'lap-1 laptop',
      data: '{}',
      version: 1,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    });
    const link = {
      asset_id: 'a1',
      site: 'acme.atlassian.net',
      issue_key: 'OPS-1',
      ticket_type: 'incident',
      resolved: false,
      created_by: 'user:default/jane',
      created_at: '2026-01-01T00:00:00.000Z',
    };
    await knex('itam_ticket_links').insert(link);

    await knex.migrate.up(config);
    expect(await knex('itam_ticket_links').select('issue_key', 'issue_id')).toEqual([
      { issue_key: 'OPS-1', issue_id: null },
    ]);
    await knex('itam_ticket_links').where({ issue_key: 'OPS-1' }).update({ issue_id: '10001' });
    await knex('itam_ticket_links').insert({ ...link, issue_key: 'OPS-2', issue_id: '10002' });
    const byId = await knex('itam_ticket_links').where({ site: 'acme.atlassian.net', issue_id: '10002' });
    expect(byId.map(r => r.issue_key)).toEqual(['OPS-2']);

    await knex.migrate.down(config);
    expect(await knex.schema.hasColumn('itam_ticket_links', 'issue_id')).toBe(false);
    expect((await knex('itam_ticket_links').orderBy('issue_key')).map(r => r.issue_key)).toEqual(['OPS-1', 'OPS-2']);
    await knex.destroy();
  });

  it('place each asset for audit scopes and move closed campaigns\' findings into rows, and back', async () => {
    const knex = await databases.init(databaseId);
    await migrateToBefore(knex, '20261211_auditFindings.js');
    const asset = (id: string, tag: string, location?: string) => legacyAssetRow(id, tag, location ? { location } : {});
    await knex('itam_assets').insert([asset('a1', 'LAP-1', 'Berlin'), asset('a2', 'LAP-2')]);
    const findings = [
      { kind: 'verified', assetId: 'a1', assetTag: 'LAP-1', registerLocation: 'Berlin', observedLocation: 'Berlin', explanation: 'LAP-1 verified' },
      { kind: 'not-observed', assetId: 'a2', assetTag: 'LAP-2', explanation: 'LAP-2 has not been checked yet' },
      { kind: 'unexpected', assetTag: 'GHOST-1', explanation: 'Seen GHOST-1' },
    ];
    const summary = { inScope: 2, counts: { verified: 1, 'location-mismatch': 0, 'not-found': 0, 'not-observed': 1, unexpected: 1 }, accuracy: 0.5, coverage: 0.5 };
    const campaign = { name: 'Count', scope: '{}', status: 'closed', created_by: 'u', created_at: '2026-12-01T00:00:00.000Z', closed_by: 'u', closed_at: '2026-12-02T00:00:00.000Z' };
    await knex('itam_audit_campaigns').insert([
      { id: 'c1', ...campaign, result: JSON.stringify({ ...summary, findings }) },
      { id: 'c2', ...campaign, status: 'open', closed_by: null, closed_at: null },
    ]);

    await knex.migrate.up(config);
    expect(await knex('itam_assets').orderBy('id').pluck('location')).toEqual(['Berlin', null]);
    expect(JSON.parse((await knex('itam_audit_campaigns').where('id', 'c1').first()).result)).toEqual(summary);
    const rows = await knex('itam_audit_findings').where('campaign_id', 'c1').orderBy('seq');
    expect(rows.map(r => [r.seq, r.kind, r.asset_id, r.asset_tag, r.register_location])).toEqual([
      [0, 'verified', 'a1', 'LAP-1', 'Berlin'],
      [1, 'not-observed', 'a2', 'LAP-2', null],
      [2, 'unexpected', null, 'GHOST-1', null],
    ]);
    expect(await knex('itam_audit_findings').where('campaign_id', 'c2')).toEqual([]);

    await knex.migrate.down(config);
    expect(await knex.schema.hasTable('itam_audit_findings')).toBe(false);
    expect(await knex.schema.hasColumn('itam_assets', 'location')).toBe(false);
    expect(JSON.parse((await knex('itam_audit_campaigns').where('id', 'c1').first()).result)).toEqual({ ...summary, findings });
    await knex.destroy();
  });

  it('count the stored risk findings per owner, rule and severity, and take the counts away again', async () => {
    const knex = await databases.init(databaseId);
    await migrateToBefore(knex, '20261215_riskOwnerCounts.js');
    const finding = (key: string, ruleId: string, severity: string, owner: string | null) => ({
      finding_key: key,
      rule_id: ruleId,
      severity,
      severity_rank: 1,
      sort_label: key,
      subject_kind: 'asset',
      subject_id: key,
      asset_id: key,
      owner,
      finding: '{}',
      first_seen: '2026-12-01T00:00:00.000Z',
      evaluated_at: '2026-12-01T00:00:00.000Z',
    });
    await knex('itam_risk_findings').insert([
      finding('a', 'end-of-life', 'high', 'group:default/sre'),
      finding('b', 'end-of-life', 'high', 'group:default/sre'),
      finding('c', 'end-of-life', 'medium', 'group:default/sre'),
      finding('d', 'no-owner', 'high', null),
    ]);

    await knex.migrate.up(config);
    const counts = await knex('itam_risk_finding_owner_counts').orderBy(['owner', 'rule_id', 'severity']);
    expect(counts.map(r => [r.owner, r.rule_id, r.severity, Number(r.n)])).toEqual([
      ['group:default/sre', 'end-of-life', 'high', 2],
      ['group:default/sre', 'end-of-life', 'medium', 1],
    ]);

    await knex.migrate.down(config);
    expect(await knex.schema.hasTable('itam_risk_finding_owner_counts')).toBe(false);
    await knex.destroy();
  });
});

describe.each(databases.eachSupportedId().filter(([id]) => id.startsWith('POSTGRES')))('register search index on %s', databaseId => {
  const searchIndex = async (knex: Knex) =>
    (await knex('pg_indexes').where({ tablename: 'itam_assets', indexname: 'itam_assets_search_trgm_idx' })).length;

  it('is a trigram index, which a text search of the register reads', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest(config);
    expect(await searchIndex(knex)).toBe(1);
    await knex.raw('set enable_seqscan = off');
    const plan = await knex.raw(`explain select tag from itam_assets where search_text like ? escape '\\' order by tag limit 26`, ['%sn-0042%']);
    expect(JSON.stringify(plan.rows)).toContain('itam_assets_search_trgm_idx');
    await knex.destroy();
  });

  it('is left out, and every other migration still applies, where the extension may not be created', async () => {
    const owner = await databases.init(databaseId);
    const [{ database }] = (await owner.raw('select current_database() as database')).rows;
    const role = `itam_no_extensions_${process.pid}`;
    await owner.raw(`drop role if exists ${role}`);
    await owner.raw(`create role ${role} login`);
    await owner.raw(`grant usage, create on schema public to ${role}`);
    // A role that may create tables in the schema but not extensions in the database.
    const limited = createKnex({
      client: 'pg',
      connection: { ...owner.client.connectionSettings, database, user: role, password: undefined },
    });
    try {
      await limited.migrate.latest(config);
      const [, pending] = (await limited.migrate.list(config)) as [unknown[], unknown[]];
      expect(pending).toEqual([]);
      expect(await searchIndex(limited)).toBe(0);
      await limited('itam_assets').insert(legacyAssetRow('a1', 'SRV-1', {}));
      expect((await limited('itam_assets').whereRaw(`search_text like ? escape '\\'`, ['%srv-1%'])).map(r => r.id)).toEqual(['a1']);
    } finally {
      await limited.destroy();
      await owner.raw(`drop owned by ${role}`);
      await owner.raw(`drop role ${role}`);
      await owner.destroy();
    }
  });
});
