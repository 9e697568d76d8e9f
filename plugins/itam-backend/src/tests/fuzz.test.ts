import fc from 'fast-check';
import type { Knex } from 'knex';
import type { Server } from 'node:http';
import request from 'supertest';
import { itamOpenApiSpec } from '../service/openapi';
import { mockCredentials } from '@backstage/backend-test-utils';
import { asUser, itamTestDatabases, startItamBackend } from './testBackend';

/*
 * Fuzzing the real backend: fast-check generates payloads for every write route (bodies, query
 * parameters, If-Match headers, path parameters) and path parameters for every read route. The
 * properties: no answer is a 5xx, and a refused write (4xx) leaves the register exactly as it
 * was. ITAM_FUZZ_RUNS sets the payloads per route (CI: 1,000; `npm run fuzz`: 10,000).
 */

const RUNS = Number(process.env.ITAM_FUZZ_RUNS ?? 1000);
const SEED = process.env.ITAM_FUZZ_SEED === undefined ? undefined : Number(process.env.ITAM_FUZZ_SEED);
const databases = itamTestDatabases();

/** The register's tables, compared before and after a refused write (jobs and snapshots are logs). */
const REGISTER_TABLES = [
  'itam_assets',
  'itam_asset_external_ids',
  'itam_asset_history',
  'itam_entity_links',
  'itam_asset_links',
  'itam_ticket_links',
  'itam_entity_asset_items',
  'itam_audit_campaigns',
  'itam_audit_observations',
  'itam_installations',
  'itam_software_products',
  'itam_entitlements',
  'itam_user_assignments',
  'itam_concurrent_peaks',
];

async function registerState(knex: Knex): Promise<string> {
  if (knex.client.config.client === 'pg') {
    // One round trip: each table's rows as text, hashed by the server.
    const select = REGISTER_TABLES.map(
      t => `(select md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) from ${t} x) as "${t}"`,
    ).join(', ');
    return JSON.stringify((await knex.raw(`select ${select}`)).rows[0]);
  }
  const parts: string[] = [];
  for (const table of REGISTER_TABLES) {
    const rows = await knex(table).select('*');
    parts.push(`${table}:${rows.map(r => JSON.stringify(r)).sort().join('\n')}`);
  }
  return parts.join('\n\n');
}

// ---- Generators --------------------------------------------------------------------------------

const nastyStrings = fc.constantFrom(
  '', ' ', '\u0000', 'a\u0000b', '\uD800', 'x\uDC00', '\uDE00\uD83D', '😀', 'x'.repeat(300), 'y'.repeat(5000),
  '2026-02-30', '2026-02-30T00:00:00Z', '2026-13-01', '0000-00-00', '9999-12-31', '2026-01-31T25:00:00Z',
  'user:default/jane', 'group:default/sre', 'user:default/ghost', 'component:default/payments-api', 'component:default/nope',
  'FZ-1', 'FZ-2', 'fz-product', 'fz-ent', 'OPS-1', 'acme.atlassian.net', 'deployed', 'disposed', 'retired', 'in-stock',
  'restricted', 'confidential', 'per-user', 'per-device', 'subscription', 'hardware', 'hosts', 'runs-on', 'incident',
  '=HYPERLINK("x")', "'; drop table itam_assets; --", '../../etc/passwd', '%00', 'NaN', '-1', '3000000000', '/(a+)+$/', '/(?=x)/',
);
const anyString = fc.oneof(
  { weight: 3, arbitrary: nastyStrings },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);
const anyNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(3_000_000_000, 2_147_483_647, 2_147_483_648, -1, 0, 1, 4, 5, 1e308, -1e308, 1e-10, 0.5, 2 ** 53 + 2, 9.3e18, 100_000_000_001),
  fc.double({ noNaN: true }),
);
const leaf = fc.oneof(anyString, anyNumber, fc.boolean(), fc.constant(null));
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(anyString, leaf, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Field names worth trying on any body: the schemas' own, nested objects included. */
const FIELDS = [
  'tag', 'name', 'assetClass', 'type', 'description', 'criticality', 'dataClassification', 'serialNumber', 'externalIds',
  'owner', 'custodian', 'location', 'costCentre', 'purchase', 'warrantyEnd', 'endOfLife', 'endOfSupport', 'sanitisation',
  'attributes', 'lifecycleStage', 'to', 'reason', 'entityRef', 'role', 'targetAssetId', 'site', 'issueKey', 'ticketType',
  'summary', 'status', 'resolved', 'id', 'publisher', 'version', 'underManagement', 'coreCounting', 'recognition', 'productId',
  'metric', 'quantity', 'termStart', 'termEnd', 'unitCost', 'currency', 'downgradeRights', 'allocations', 'deviceId', 'lastUsed',
  'userRef', 'peak', 'observedAt', 'scope', 'dueDate', 'observations', 'assets', 'entityRefs', 'window', 'options',
];
const nested = {
  purchase: fc.record({ date: anyString, cost: anyNumber, currency: anyString, supplier: anyString }, { requiredKeys: [] }),
  sanitisation: fc.record({ date: anyString, method: anyString, performedBy: anyString }, { requiredKeys: [] }),
  externalIds: fc.array(fc.record({ source: anyString, sourceId: anyString }, { requiredKeys: [] }), { maxLength: 3 }),
  allocations: fc.record({ userRefs: fc.array(anyString, { maxLength: 3 }), deviceIds: fc.array(anyString, { maxLength: 3 }) }, { requiredKeys: [] }),
  recognition: fc.array(fc.record({ namePattern: anyString, publisher: anyString }, { requiredKeys: [] }), { maxLength: 2 }),
  window: fc.record({ start: anyString, end: anyString }, { requiredKeys: [] }),
  observations: fc.array(fc.record({ assetTag: anyString, serialNumber: anyString, result: anyString, note: anyString }, { requiredKeys: [] }), { maxLength: 3 }),
  scope: fc.record({ assetClasses: fc.array(anyString, { maxLength: 2 }), owners: fc.array(anyString, { maxLength: 2 }) }, { requiredKeys: [] }),
  attributes: fc.dictionary(anyString, leaf, { maxKeys: 3 }),
} as Record<string, fc.Arbitrary<unknown>>;
const fieldValue = (field: string) => (nested[field] ? fc.oneof(nested[field], anyValue) : anyValue);

/** A valid body with some fields replaced, removed or added; or any JSON at all; or broken JSON. */
function bodyFor(template: Record<string, unknown>): fc.Arbitrary<{ json?: unknown; text?: string }> {
  const keys = Object.keys(template);
  const mutated = fc
    .tuple(
      fc.subarray(keys, { maxLength: Math.min(2, keys.length) }),
      fc.array(fc.constantFrom(...new Set([...keys, ...FIELDS])).chain(f => fieldValue(f).map(v => [f, v] as const)), { maxLength: 3 }),
    )
    .map(([removed, replaced]) => {
      const body: Record<string, unknown> = { ...template };
      for (const k of removed) delete body[k];
      for (const [k, v] of replaced) body[k] = v;
      return { json: body };
    });
  return fc.oneof(
    { weight: 6, arbitrary: mutated },
    { weight: 1, arbitrary: fc.constant({ json: template }) },
    { weight: 1, arbitrary: anyValue.map(json => ({ json })) },
    { weight: 1, arbitrary: fc.oneof(anyString, fc.constantFrom('{', '{"a":', '[1,2', 'null', '"\\ud800"', '{"name":"\\u0000"}')).map(text => ({ text })) },
  );
}

/** Percent-encodes a string's UTF-8 bytes (a lone surrogate goes as U+FFFD, as a browser sends it). */
const encode = (s: string) => [...Buffer.from(s, 'utf8')].map(b => `%${b.toString(16).padStart(2, '0')}`).join('');
const pathValue = (known: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(encodeURIComponent(known)) },
    { weight: 3, arbitrary: anyString.filter(s => s.length > 0).map(encode) },
    { weight: 1, arbitrary: fc.constantFrom('%00', '%ED%A0%80', '%', '%zz', '%2F', '..', '.', '%C0%80', `${known}%00`) },
  );
const ifMatch = fc.oneof(
  { weight: 5, arbitrary: fc.constant('current') },
  { weight: 2, arbitrary: fc.constantFrom('"1"', '"0"', 'W/"2"', 'garbage', '"99999999999999999999"', '"-1"', '*', '') },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('"', 'W', '/', '1', '9', 'x', ' '), maxLength: 12 }) },
);

// ---- Routes --------------------------------------------------------------------------------------

interface Fixture {
  assetId: string;
  campaignId: string;
  installationId: string;
}

/** The Jira routes answer only a Jira site caller: a service token bound to one site. */
const JIRA_SITE = 'acme.atlassian.net';
const asJira = () =>
  mockCredentials.service.header({ onBehalfOf: mockCredentials.service('jira-acme'), targetPluginId: 'itam' });
const JIRA_CONFIG = {
  itam: { serviceAccess: { 'jira-acme': { permissions: ['itam.asset.read', 'itam.ticket.link'], jiraSite: JIRA_SITE } } },
};

interface WriteRoute {
  method: 'post' | 'put' | 'patch' | 'delete';
  /** Who calls: a user (default) or the Jira site. */
  caller?: 'jira';
  path: string;
  params: Record<string, (f: Fixture) => string>;
  body?: Record<string, unknown>;
  query?: Record<string, string>;
  /** Where the If-Match version comes from. */
  version?: (f: Fixture) => string;
  contentType?: string;
}

const asset = (f: Fixture) => f.assetId;
const WRITE_ROUTES: WriteRoute[] = [
  { method: 'post', path: '/assets', params: {}, body: { tag: 'FZ-NEW', name: 'fuzzed', assetClass: 'hardware', type: 'laptop' } },
  { method: 'patch', path: '/assets/{id}', params: { id: asset }, body: { location: 'HQ' }, version: f => `/assets/${f.assetId}` },
  { method: 'post', path: '/assets/{id}/transitions', params: { id: asset }, body: { to: 'deployed', reason: 'fuzz' }, version: f => `/assets/${f.assetId}` },
  { method: 'post', path: '/assets/{id}/entity-links', params: { id: asset }, body: { entityRef: 'component:default/payments-api', role: 'runs-on' } },
  { method: 'delete', path: '/assets/{id}/entity-links', params: { id: asset }, query: { entityRef: 'component:default/payments-api', role: 'runs-on' } },
  { method: 'post', path: '/assets/{id}/asset-links', params: { id: asset }, body: { type: 'hosts', targetAssetId: 'FZ-2' } },
  { method: 'delete', path: '/assets/{id}/asset-links', params: { id: asset }, query: { type: 'hosts', targetAssetId: 'FZ-2' } },
  { method: 'post', path: '/assets/{id}/tickets', params: { id: asset }, body: { site: 'acme.atlassian.net', issueKey: 'OPS-1', ticketType: 'incident' } },
  { method: 'delete', path: '/assets/{id}/tickets', params: { id: asset }, query: { site: 'acme.atlassian.net', issueKey: 'OPS-1' } },
  { method: 'post', path: '/audits', params: {}, body: { name: 'fuzz audit', scope: {} } },
  { method: 'post', path: '/audits/{id}/observations', params: { id: f => f.campaignId }, body: { observations: [{ assetTag: 'FZ-1', result: 'seen' }] } },
  { method: 'post', path: '/audits/{id}/close', params: { id: f => f.campaignId }, body: {} },
  { method: 'post', path: '/impact', params: {}, body: { assets: ['FZ-1'], entityRefs: ['component:default/payments-api'] } },
  { method: 'post', path: '/imports', params: {}, query: { format: 'itam-json', dryRun: 'true' }, body: { items: [{ tag: 'FZ-IMP', name: 'x', assetClass: 'hardware', type: 'laptop' }] } },
  { method: 'post', path: '/products', params: {}, body: { publisher: 'Acme', name: 'Fuzz', underManagement: true, recognition: [{ namePattern: 'fuzz' }] } },
  { method: 'put', path: '/products/{id}', params: { id: () => 'fz-product' }, body: { publisher: 'Acme', name: 'Tool', underManagement: true }, version: () => '/products/fz-product' },
  { method: 'post', path: '/products/{id}/assignments', params: { id: () => 'fz-product' }, body: { userRef: 'user:default/jane' } },
  { method: 'delete', path: '/products/{id}/assignments', params: { id: () => 'fz-product' }, query: { userRef: 'user:default/jane' } },
  { method: 'post', path: '/products/{id}/concurrent-peaks', params: { id: () => 'fz-product' }, body: { peak: 3, observedAt: '2026-01-05' } },
  { method: 'post', path: '/entitlements', params: {}, body: { productId: 'fz-product', metric: 'per-user', quantity: 5 } },
  { method: 'put', path: '/entitlements/{id}', params: { id: () => 'fz-ent' }, body: { productId: 'fz-product', metric: 'per-user', quantity: 3 }, version: () => '/entitlements/fz-ent' },
  { method: 'delete', path: '/entitlements/{id}', params: { id: () => 'fz-gone' } },
  { method: 'post', path: '/entitlements/{id}/allocations', params: { id: () => 'fz-ent' }, body: { userRef: 'user:default/sam' } },
  { method: 'delete', path: '/entitlements/{id}/allocations', params: { id: () => 'fz-ent' }, query: { userRef: 'user:default/sam' } },
  { method: 'post', path: '/installations', params: {}, body: { deviceId: 'FZ-1', productId: 'fz-product', version: '1.0' } },
  { method: 'delete', path: '/installations/{id}', params: { id: f => f.installationId } },
  { method: 'put', path: '/jira/issues/{issueId}/assets/{assetId}', caller: 'jira', params: { issueId: () => '10042', assetId: asset }, body: { issueKey: 'OPS-2', ticketType: 'incident', summary: 'Disk full' } },
  { method: 'delete', path: '/jira/issues/{issueId}/assets/{assetId}', caller: 'jira', params: { issueId: () => '10042', assetId: asset } },
  { method: 'put', path: '/jira/issues/{issueId}', caller: 'jira', params: { issueId: () => '10042' }, body: { issueKey: 'OPS-2', summary: 'Disk full again', status: 'Open' } },
  { method: 'delete', path: '/jira/issues/{issueId}/assets', caller: 'jira', params: { issueId: () => '10042' } },
];

/** Every documented read route with path parameters, with a value that exists for each. */
const READ_ROUTES: { path: string; caller?: 'jira'; params: Record<string, (f: Fixture) => string> }[] = [
  { path: '/assets/{id}', params: { id: asset } },
  { path: '/assets/{id}/transitions', params: { id: asset } },
  { path: '/assets/{id}/history', params: { id: asset } },
  { path: '/assets/{id}/entity-links', params: { id: asset } },
  { path: '/assets/{id}/asset-links', params: { id: asset } },
  { path: '/assets/{id}/tickets', params: { id: asset } },
  { path: '/tickets/{site}/{issueKey}/assets', params: { site: () => 'acme.atlassian.net', issueKey: () => 'OPS-1' } },
  { path: '/entities/{kind}/{namespace}/{name}/assets', params: { kind: () => 'component', namespace: () => 'default', name: () => 'payments-api' } },
  { path: '/audits/{id}', params: { id: f => f.campaignId } },
  { path: '/audits/{id}/findings', params: { id: f => f.campaignId } },
  { path: '/imports/{id}', params: { id: () => '00000000-0000-4000-8000-000000000000' } },
  { path: '/products/{id}', params: { id: () => 'fz-product' } },
  { path: '/entitlements/{id}', params: { id: () => 'fz-ent' } },
  { path: '/hardware-models/{id}', params: { id: () => 'fz-model' } },
  { path: '/licences/positions/{productId}', params: { productId: () => 'fz-product' } },
  { path: '/jira/issues/{issueId}/assets', caller: 'jira', params: { issueId: () => '10042' } },
];

const authorizationOf = (caller?: 'jira') => (caller === 'jira' ? asJira() : asUser());

const withParams = (path: string, values: Record<string, string>) =>
  `/api/itam${path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name])}`;

describe('the fuzz routes cover the API', () => {
  it('lists every write operation and every read route with path parameters of the OpenAPI document', () => {
    const documented = Object.entries(itamOpenApiSpec.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).filter(m => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map(m => `${m} ${path}`),
    );
    const writes = documented.filter(op => !op.startsWith('get '));
    const reads = documented.filter(op => op.startsWith('get ') && op.includes('{'));
    expect(WRITE_ROUTES.map(r => `${r.method} ${r.path}`).sort()).toEqual(writes.sort());
    expect(READ_ROUTES.map(r => `get ${r.path}`).sort()).toEqual(reads.sort());
  });
});

describe.each(databases.eachSupportedId())('fuzzing the API on %s', databaseId => {
  let server: Server;
  let knex: Knex;
  let stop: () => Promise<void>;
  const fixture = {} as Fixture;
  const api = () => request(server);

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    const backend = await startItamBackend({ knex, config: JIRA_CONFIG });
    server = backend.server;
    stop = () => backend.stop();
    const send = (method: 'post', url: string, body: object) =>
      api()[method](`/api/itam${url}`).set('authorization', asUser()).send(body).expect(201);
    fixture.assetId = (await send('post', '/assets', { tag: 'FZ-1', name: 'fuzz target', assetClass: 'hardware', type: 'server', lifecycleStage: 'in-stock', owner: 'group:default/sre' })).body.id;
    await send('post', '/assets', { tag: 'FZ-2', name: 'fuzz vm', assetClass: 'cloud', type: 'virtual-machine' });
    fixture.campaignId = (await send('post', '/audits', { name: 'fuzz' })).body.id;
    await send('post', '/products', { id: 'fz-product', publisher: 'Acme', name: 'Tool', underManagement: true });
    await send('post', '/entitlements', { id: 'fz-ent', productId: 'fz-product', metric: 'per-user', quantity: 5 });
    // Hardware models come only from Snipe-IT model files; one stored the way an import stores it.
    await knex('itam_hardware_models').insert({
      id: 'fz-model',
      name: 'Fuzz Book 14',
      name_key: 'fuzz book 14',
      data: JSON.stringify({ id: 'fz-model', name: 'Fuzz Book 14' }),
      created_by: 'user:default/fuzz',
      created_at: '2026-01-05T00:00:00.000Z',
      updated_at: '2026-01-05T00:00:00.000Z',
    });
    fixture.installationId = (await send('post', '/installations', { deviceId: 'FZ-1', productId: 'fz-product' })).body.id;
    // The Jira routes' fuzzing calls as a site the plugin accepts, so payloads reach the handlers.
    await api()
      .put(`/api/itam/jira/issues/10042/assets/${fixture.assetId}`)
      .set('authorization', asJira())
      .send({ issueKey: 'OPS-2', ticketType: 'incident' })
      .expect(201);
  });
  afterAll(() => stop());

  /** The ETag of a resource now, for a request that should get past the version check. */
  async function currentVersion(path: string): Promise<string> {
    const res = await api().get(`/api/itam${path}`).set('authorization', asUser());
    return res.headers.etag ?? '"1"';
  }

  it.each(WRITE_ROUTES.map(r => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s: no 5xx, and a refused write changes nothing',
    async (_name, route) => {
      const paramArbs = Object.fromEntries(Object.entries(route.params).map(([k, v]) => [k, pathValue(v(fixture))]));
      const queryArb = route.query
        ? fc.oneof(
            { weight: 2, arbitrary: fc.constant(route.query) },
            {
              weight: 3,
              arbitrary: fc
                .tuple(fc.subarray(Object.keys(route.query), { maxLength: Math.min(1, Object.keys(route.query).length) }), fc.dictionary(fc.constantFrom(...Object.keys(route.query), 'x', 'limit'), anyString, { maxKeys: 2 }))
                .map(([removed, changed]) => {
                  const q: Record<string, string> = { ...route.query, ...changed };
                  for (const k of removed) delete q[k];
                  return q;
                }),
            },
          )
        : fc.constant(undefined);
      let state = await registerState(knex);
      await fc.assert(
        fc.asyncProperty(
          fc.record(paramArbs),
          route.body ? bodyFor(route.body) : fc.constant<{ json?: unknown; text?: string }>({}),
          queryArb,
          route.version ? ifMatch : fc.constant(undefined),
          async (params, body, query, version) => {
            const url = withParams(route.path, params as Record<string, string>);
            let req = api()[route.method](url).set('authorization', authorizationOf(route.caller));
            if (query) {
              const qs = Object.entries(query).map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
              req = api()[route.method](`${url}?${qs}`).set('authorization', authorizationOf(route.caller));
            }
            if (version !== undefined) req = req.set('if-match', version === 'current' ? await currentVersion(route.version!(fixture)) : version);
            if (route.path === '/imports') {
              req = req.set('content-type', 'application/json').send(body.text ?? JSON.stringify(body.json === undefined ? [] : [body.json]));
            } else if (body.text !== undefined) {
              req = req.set('content-type', 'application/json').send(body.text);
            } else if (body.json !== undefined) {
              // supertest sends objects as JSON; any other JSON value goes as its text.
              req = req.set('content-type', 'application/json').send(JSON.stringify(body.json));
            }
            const res = await req;
            if (res.status >= 500) throw new Error(`${res.status} for ${route.method} ${url}: ${res.text}`);
            const after = await registerState(knex);
            if (res.status >= 400 && after !== state) {
              throw new Error(`refused ${route.method} ${url} (${res.status}) changed the register`);
            }
            state = after;
          },
        ),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
    },
    RUNS * 200 + 60_000,
  );

  it.each(READ_ROUTES.map(r => [`GET ${r.path}`, r] as const))(
    '%s: no 5xx for any path parameter',
    async (_name, route) => {
      const paramArbs = Object.fromEntries(Object.entries(route.params).map(([k, v]) => [k, pathValue(v(fixture))]));
      await fc.assert(
        fc.asyncProperty(fc.record(paramArbs), async params => {
          const url = withParams(route.path, params as Record<string, string>);
          const res = await api().get(url).set('authorization', authorizationOf(route.caller));
          if (res.status >= 500) throw new Error(`${res.status} for GET ${url}: ${res.text}`);
        }),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
    },
    RUNS * 100 + 60_000,
  );
});
