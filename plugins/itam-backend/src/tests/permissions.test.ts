import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { coreServices, createServiceFactory, type BackstageCredentials } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  type EvaluatePermissionRequest,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import { createPermission } from '@backstage/plugin-permission-common';
import { itamAssetReadPermission, itamAssetUpdatePermission, itamPermissions, type ItamPermission } from '@itam/common';
import request from 'supertest';
import { createItamAssetConditionalDecision, itamAssetConditions } from '../permissions/rules';
import { itamPlugin } from '../plugin';
import { itamOpenApiSpec } from '../service/openapi';
import { asUser, itamTestDatabases, startItamBackend, testCatalog } from './testBackend';

const databases = itamTestDatabases();

/** Every documented operation with what gets it past the OpenAPI validator to the handler. */
function documentedOperations() {
  const ops: { method: string; url: string; needsBody: boolean; headers: Record<string, string> }[] = [];
  type Operation = { parameters?: readonly { name: string; in: string; required?: boolean }[]; requestBody?: object };
  for (const [path, item] of Object.entries(itamOpenApiSpec.paths as unknown as Record<string, Record<string, Operation>>)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method) || path === '/health') continue;
      const params = op.parameters ?? [];
      const query = params.filter(p => p.in === 'query' && p.required).map(p => `${p.name}=${QUERY_VALUES[p.name] ?? 'x'}`);
      const headers = Object.fromEntries(params.filter(p => p.in === 'header').map(p => [p.name, '"1"']));
      const url = `/api/itam${path.replace(/\{[^}]+\}/g, 'x')}${query.length > 0 ? `?${query.join('&')}` : ''}`;
      ops.push({ method, url, needsBody: Boolean(op.requestBody), headers });
    }
  }
  return ops;
}

/** Bodies of the operations whose OpenAPI schema requires fields (others take `{}`). */
const WELL_FORMED: Record<string, object> = {
  'post /api/itam/assets': { tag: 'D-1', name: 'x', assetClass: 'hardware', type: 'laptop' },
  'post /api/itam/assets/x/transitions': { to: 'deployed' },
  'post /api/itam/assets/x/entity-links': { entityRef: 'component:default/payments-api', role: 'runs-on' },
  'post /api/itam/assets/x/asset-links': { type: 'hosts', targetAssetId: 'y' },
  'post /api/itam/assets/x/tickets': { site: 'acme.atlassian.net', issueKey: 'OPS-1', ticketType: 'incident' },
  'post /api/itam/audits': { name: 'Count' },
  'post /api/itam/audits/x/observations': { observations: [{ assetTag: 'D-1', result: 'seen' }] },
  'post /api/itam/products': { publisher: 'Acme', name: 'Tool', underManagement: true },
  'put /api/itam/products/x': { publisher: 'Acme', name: 'Tool', underManagement: true },
  'post /api/itam/products/x/assignments': { userRef: 'user:default/jane' },
  'post /api/itam/products/x/concurrent-peaks': { peak: 3, observedAt: '2026-11-30' },
  'post /api/itam/entitlements': { productId: 'x', metric: 'per-device', quantity: 1 },
  'put /api/itam/entitlements/x': { productId: 'x', metric: 'per-device', quantity: 1 },
  'post /api/itam/installations': { deviceId: 'D-1', productId: 'x' },
  'put /api/itam/jira/issues/x': { issueKey: 'OPS-1' },
  'put /api/itam/jira/issues/x/assets/x': { issueKey: 'OPS-1', ticketType: 'incident' },
};
/** Values of required query parameters that the OpenAPI document constrains. */
const QUERY_VALUES: Record<string, string> = { format: 'itam-json', role: 'runs-on', type: 'hosts' };

describe('permissions on every route', () => {
  const operations = documentedOperations();

  it('answers 403 on every route under a deny policy and 401 without credentials, writing nothing', async () => {
    const knex = await databases.init('SQLITE_3');
    const backend = await startItamBackend({ knex, permissionResult: AuthorizeResult.DENY });
    try {
      const statuses: [string, string, number, number][] = [];
      for (const op of operations) {
        const send = (auth: string) => {
          const agent = request(backend.server) as unknown as Record<string, (url: string) => request.Test>;
          const req = agent[op.method](op.url).set('authorization', auth).set(op.headers);
          // A well-formed body where the test has one: the 403 is then the policy's answer alone.
          const body = WELL_FORMED[`${op.method} ${op.url}`] ?? {};
          return op.needsBody ? req.send(body) : req;
        };
        statuses.push([op.method, op.url, (await send(asUser())).status, (await send(mockCredentials.none.header())).status]);
      }
      expect(statuses.filter(([, , denied, anonymous]) => denied !== 403 || anonymous !== 401)).toEqual([]);
      expect(operations.length).toBeGreaterThan(40);
      for (const table of ['itam_assets', 'itam_software_products', 'itam_entitlements', 'itam_audit_campaigns', 'itam_import_jobs']) {
        expect(await knex(table).count({ n: '*' })).toEqual([{ n: 0 }]);
      }
    } finally {
      await backend.stop();
    }
  });

  it('declares the permissions exactly as createPermission does', () => {
    for (const permission of itamPermissions) {
      const made =
        permission.type === 'resource'
          ? createPermission({ name: permission.name, attributes: permission.attributes, resourceType: permission.resourceType })
          : createPermission({ name: permission.name, attributes: permission.attributes });
      expect(permission).toEqual(made);
    }
  });
});

/** Jane's claims: herself and her team. */
const JANE_CLAIMS = ['user:default/jane', 'group:default/payments'];

/**
 * A policy as the example portal's: Sam (an asset manager) may do everything; Jane reads what is
 * not restricted or what her team owns, and edits her team's assets.
 */
function decide(permission: ItamPermission, credentials: BackstageCredentials): PolicyDecision {
  const principal = credentials.principal as { userEntityRef?: string };
  if (principal.userEntityRef !== 'user:default/jane') return { result: AuthorizeResult.ALLOW };
  if (permission.name === itamAssetReadPermission.name) {
    return createItamAssetConditionalDecision(itamAssetReadPermission, {
      anyOf: [
        { not: itamAssetConditions.hasClassification({ classifications: ['restricted'] }) },
        itamAssetConditions.isOwner({ claims: JANE_CLAIMS }),
      ],
    });
  }
  if (permission.name === itamAssetUpdatePermission.name) {
    return createItamAssetConditionalDecision(itamAssetUpdatePermission, itamAssetConditions.isOwner({ claims: JANE_CLAIMS }));
  }
  return { result: AuthorizeResult.DENY };
}

const conditionalPermissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => ({
    async authorizeConditional(requests: { permission: ItamPermission }[], options: { credentials: BackstageCredentials }) {
      return requests.map(r => decide(r.permission, options.credentials));
    },
    async authorize(requests: EvaluatePermissionRequest[], options: { credentials: BackstageCredentials }) {
      return requests.map(r => {
        const decision = decide(r.permission as ItamPermission, options.credentials);
        return { result: decision.result === AuthorizeResult.ALLOW ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
      });
    },
  }) as never,
});

describe.each(databases.eachSupportedId())('a conditional policy on %s', databaseId => {
  let server: import('node:http').Server;
  let stop: () => Promise<void>;
  const ids: Record<string, string> = {};
  const jane = asUser('user:default/jane');
  const sam = asUser('user:default/sam');

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    const backend = await startTestBackend({
      features: [
        itamPlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities: [...testCatalog, { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'payments', namespace: 'default' }, spec: { type: 'team', children: [] } }] }),
        conditionalPermissions,
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
    const create = async (tag: string, fields: object) => {
      const res = await request(server).post('/api/itam/assets').set('authorization', sam)
        .send({ tag, name: tag, assetClass: 'hardware', type: 'server', ...fields }).expect(201);
      ids[tag] = res.body.id;
      await request(server).post(`/api/itam/assets/${res.body.id}/entity-links`).set('authorization', sam)
        .send({ entityRef: 'component:default/payments-api', role: 'runs-on' }).expect(201);
      await request(server).post(`/api/itam/assets/${res.body.id}/tickets`).set('authorization', sam)
        .send({ site: 'acme.atlassian.net', issueKey: 'OPS-1', ticketType: 'incident' }).expect(201);
    };
    await create('P-SRE-INTERNAL', { owner: 'group:default/sre', dataClassification: 'internal' });
    await create('P-JANE-RESTRICTED', { owner: 'user:default/jane', dataClassification: 'restricted' });
    await create('P-SRE-RESTRICTED', { owner: 'group:default/sre', dataClassification: 'restricted' });
    await create('P-TEAM-CONFIDENTIAL', { owner: 'group:default/payments', dataClassification: 'confidential' });
    await create('P-NOBODY-PUBLIC', { dataClassification: 'public' });
  });
  afterAll(() => stop());

  const visibleToJane = ['P-JANE-RESTRICTED', 'P-NOBODY-PUBLIC', 'P-SRE-INTERNAL', 'P-TEAM-CONFIDENTIAL'];

  it('lists only the rule’s rows, page by page, in the query itself', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await request(server).get(`/api/itam/assets?type=server&limit=1${cursor ? `&cursor=${cursor}` : ''}`)
        .set('authorization', jane).expect(200);
      // Every page is full until the last: the conditions are in the query, not a filter on pages.
      if (res.body.nextCursor) expect(res.body.items).toHaveLength(1);
      seen.push(...res.body.items.map((a: { tag: string }) => a.tag));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(visibleToJane);
    const all = await request(server).get('/api/itam/assets?type=server').set('authorization', sam).expect(200);
    expect(all.body.items).toHaveLength(5);
  });

  it('applies the conditions to the export, an entity’s assets, a ticket’s assets and single reads', async () => {
    const csv = await request(server).get('/api/itam/assets/export.csv?type=server').set('authorization', jane).expect(200);
    expect(csv.text.trim().split('\n').slice(1).map(line => line.split(',')[1])).toEqual(visibleToJane);
    const entity = await request(server).get('/api/itam/entities/component/default/payments-api/assets').set('authorization', jane).expect(200);
    expect(entity.body.items.map((i: { asset: { tag: string } }) => i.asset.tag)).toEqual(visibleToJane);
    const ticket = await request(server).get('/api/itam/tickets/acme.atlassian.net/OPS-1/assets').set('authorization', jane).expect(200);
    expect(ticket.body.items.map((i: { asset: { tag: string } }) => i.asset.tag)).toEqual(visibleToJane);
    await request(server).get(`/api/itam/assets/${ids['P-SRE-RESTRICTED']}`).set('authorization', jane).expect(404);
    await request(server).get('/api/itam/assets/P-SRE-RESTRICTED/history').set('authorization', jane).expect(404);
    await request(server).get(`/api/itam/assets/${ids['P-SRE-INTERNAL']}`).set('authorization', jane).expect(200);
    const impact = await request(server).post('/api/itam/impact').set('authorization', jane)
      .send({ assets: Object.keys(ids), window: { start: '2026-06-01T00:00:00Z', end: '2026-06-02T00:00:00Z' } }).expect(200);
    expect(impact.body.affectedAssets.map((a: { tag: string }) => a.tag).sort()).toEqual(visibleToJane);
    expect(impact.body.notFound.assetIds).toEqual(['P-SRE-RESTRICTED']);
  });

  it('pages an entity’s assets and lists installations with the conditions in the query', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await request(server).get(`/api/itam/entities/component/default/payments-api/assets?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
        .set('authorization', jane).expect(200);
      if (res.body.nextCursor) expect(res.body.items).toHaveLength(1);
      seen.push(...res.body.items.map((i: { asset: { tag: string } }) => i.asset.tag));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(visibleToJane);

    await request(server).post('/api/itam/products').set('authorization', sam)
      .send({ id: 'pg', publisher: 'PostgreSQL', name: 'PostgreSQL', underManagement: true }).expect(201);
    for (const tag of Object.keys(ids)) {
      await request(server).post('/api/itam/installations').set('authorization', sam).send({ deviceId: tag, productId: 'pg' }).expect(201);
    }
    const tagOf = Object.fromEntries(Object.entries(ids).map(([tag, id]) => [id, tag]));
    const listed = await request(server).get('/api/itam/installations?productId=pg').set('authorization', jane).expect(200);
    expect(listed.body.items.map((i: { assetId: string }) => tagOf[i.assetId]).sort()).toEqual(visibleToJane);
    const hidden = await request(server).get('/api/itam/installations?assetId=P-SRE-RESTRICTED').set('authorization', jane).expect(200);
    expect(hidden.body.items).toEqual([]);
    const everything = await request(server).get('/api/itam/installations').set('authorization', sam).expect(200);
    expect(everything.body.items).toHaveLength(5);

    // Licence statuses of the assets she may read only, without the estate's licence counts.
    const every = Object.values(ids).join(',');
    const hers = await request(server).get(`/api/itam/asset-licences?assetId=${every}`).set('authorization', jane).expect(200);
    expect(hers.body.items.map((i: { assetId: string }) => tagOf[i.assetId]).sort()).toEqual(visibleToJane);
    for (const item of hers.body.items) {
      expect(item.products).toEqual([expect.objectContaining({ productId: 'pg', position: null, unit: null })]);
    }
    const his = await request(server).get(`/api/itam/asset-licences?assetId=${every}`).set('authorization', sam).expect(200);
    expect(his.body.items).toHaveLength(5);
    expect(his.body.items[0].products[0].unit).not.toBeNull();

    // The entity's list with each asset's licence status beside it: the same rule and the same conditions.
    const entity = await request(server).get('/api/itam/entities/component/default/payments-api/assets?include=licences')
      .set('authorization', jane).expect(200);
    expect(entity.body.items.map((i: { asset: { tag: string } }) => i.asset.tag)).toEqual(visibleToJane);
    expect(Object.keys(entity.body.licences).map(id => tagOf[id]).sort()).toEqual(visibleToJane);
    for (const licences of Object.values(entity.body.licences)) {
      expect(licences).toEqual({ status: 'under-licensed', products: [expect.objectContaining({ productId: 'pg', position: null, unit: null })] });
    }
    const hisEntity = await request(server).get('/api/itam/entities/component/default/payments-api/assets?include=licences')
      .set('authorization', sam).expect(200);
    const hisIds = [...new Set(hisEntity.body.items.map((i: { asset: { id: string } }) => i.asset.id))].sort();
    expect(Object.keys(hisEntity.body.licences).sort()).toEqual(hisIds);
    for (const { assetId, ...licences } of his.body.items as { assetId: string }[]) {
      if (assetId in hisEntity.body.licences) expect(hisEntity.body.licences[assetId]).toEqual(licences);
    }
    await request(server).get('/api/itam/entities/component/default/payments-api/assets?include=everything').set('authorization', sam).expect(400);
  });

  it('applies the conditions to writes: her team’s assets only, and they stay her team’s', async () => {
    await request(server).patch(`/api/itam/assets/${ids['P-SRE-INTERNAL']}`).set('authorization', jane)
      .set('if-match', '"1"').send({ location: 'DC-1' }).expect(403);
    await request(server).patch(`/api/itam/assets/${ids['P-SRE-RESTRICTED']}`).set('authorization', jane)
      .set('if-match', '"1"').send({ location: 'DC-1' }).expect(404);
    await request(server).patch(`/api/itam/assets/${ids['P-TEAM-CONFIDENTIAL']}`).set('authorization', jane)
      .set('if-match', '"1"').send({ location: 'DC-1' }).expect(200);
    await request(server).patch(`/api/itam/assets/${ids['P-JANE-RESTRICTED']}`).set('authorization', jane)
      .set('if-match', '"1"').send({ owner: 'group:default/sre' }).expect(403);
    await request(server).post(`/api/itam/assets/${ids['P-SRE-INTERNAL']}/tickets`).set('authorization', jane)
      .send({ site: 'acme.atlassian.net', issueKey: 'OPS-2', ticketType: 'incident' }).expect(403);
    await request(server).post('/api/itam/assets').set('authorization', jane)
      .send({ tag: 'P-NEW', name: 'x', assetClass: 'hardware', type: 'server' }).expect(403);
    const unchanged = await request(server).get(`/api/itam/assets/${ids['P-SRE-INTERNAL']}`).set('authorization', sam).expect(200);
    expect(unchanged.body.version).toBe(1);
  });

  it('counts only the rule’s assets in the KPIs, and refuses the reports over the whole estate', async () => {
    // Assets under management that Jane may and may not read.
    for (const [tag, owner, dataClassification] of [
      ['K-SRE-RESTRICTED', 'group:default/sre', 'restricted'],
      ['K-SRE-RESTRICTED-2', 'group:default/sre', 'restricted'],
      ['K-TEAM-RESTRICTED', 'group:default/payments', 'restricted'],
    ]) {
      await request(server).post('/api/itam/assets').set('authorization', sam)
        .send({ tag, name: tag, assetClass: 'hardware', type: 'server', lifecycleStage: 'deployed', owner, dataClassification }).expect(201);
    }
    const everything = await request(server).get('/api/itam/assets?limit=200').set('authorization', sam).expect(200);
    const managed = (assets: { lifecycleStage: string }[]) => assets.filter(a => ['in-stock', 'deployed', 'maintenance'].includes(a.lifecycleStage)).length;
    const hidden = everything.body.items.filter(
      (a: { dataClassification: string; owner?: string }) => a.dataClassification === 'restricted' && !JANE_CLAIMS.includes(a.owner ?? ''),
    );
    expect(managed(hidden)).toBeGreaterThanOrEqual(2);

    type Kpi = { id: string; value: number | null; denominator: number; reason?: string };
    const kpi = (body: { kpis: Kpi[] }, id: string) => body.kpis.find(k => k.id === id)!;
    const all = (await request(server).get('/api/itam/kpis').set('authorization', sam).expect(200)).body;
    const hers = (await request(server).get('/api/itam/kpis').set('authorization', jane).expect(200)).body;
    expect(kpi(all, 'asset-utilisation-rate').denominator).toBe(managed(everything.body.items));
    expect(kpi(hers, 'asset-utilisation-rate').denominator).toBe(managed(everything.body.items) - managed(hidden));
    for (const id of ['licence-compliance-rate', 'register-accuracy']) {
      expect(kpi(hers, id)).toMatchObject({ value: null, reason: expect.stringMatching(/whole estate/) });
    }

    const maturity = await request(server).get('/api/itam/maturity').set('authorization', jane).expect(403);
    expect(maturity.body.error.message).toMatch(/covers every asset of the estate: it needs itam\.asset\.read granted without conditions/);
    await request(server).get('/api/itam/licences/positions').set('authorization', jane).expect(403);
    await request(server).get('/api/itam/maturity').set('authorization', sam).expect(200);
    await request(server).get('/api/itam/licences/positions').set('authorization', sam).expect(200);
  });
});
