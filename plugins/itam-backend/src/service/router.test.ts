import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { replayHistory } from '@itam/common';
import request from 'supertest';
import { asUser, itamBackendPerSuite, itamTestDatabases, startItamBackend } from '../tests/testBackend';

const databases = itamTestDatabases();

/** The cells of one CSV line (RFC 4180 quoting), unquoted. */
function parseCsvLine(line: string): string[] {
  return [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(m =>
    m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1],
  );
}

const laptop = {
  tag: 'LAP-00042',
  name: 'ThinkPad T14',
  assetClass: 'hardware',
  type: 'laptop',
  serialNumber: 'PF3ABC12',
  owner: 'user:default/jane',
  lifecycleStage: 'in-stock',
  purchase: { date: '2025-03-31', cost: 1299.99, currency: 'EUR' },
};

describe.each(databases.eachSupportedId())('ITAM API on %s', databaseId => {
  const suite = itamBackendPerSuite(databases, databaseId);

  const api = () => request(suite.server);
  const create = (body: object) =>
    api().post('/api/itam/assets').set('authorization', asUser()).send(body);

  it('serves health without credentials', async () => {
    await api().get('/api/itam/health').expect(200, { status: 'ok' });
  });

  it('refuses unauthenticated calls with 401', async () => {
    await api()
      .get('/api/itam/assets')
      .set('authorization', mockCredentials.none.header())
      .expect(401);
  });

  it('lists the assets named by id, a hundred at most per request', async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push((await create({ ...laptop, tag: `IDS-${n}`, name: `Looked up ${n}`, serialNumber: `IDS${n}` }).expect(201)).body.id);
    const listed = async (query: string) =>
      (await api().get(`/api/itam/assets?${query}`).set('authorization', asUser()).expect(200)).body.items.map(
        (a: { tag: string }) => a.tag,
      );
    // In tag order; an unknown id is left out; filters still apply.
    expect(await listed(`id=${ids[2]},no-such-asset,${ids[0]}`)).toEqual(['IDS-1', 'IDS-3']);
    expect(await listed(`id=${ids.join(',')}&q=ids-2`)).toEqual(['IDS-2']);
    expect(await listed(`id=${ids.join(',')}&limit=2`)).toEqual(['IDS-1', 'IDS-2']);
    const tooMany = await api()
      .get(`/api/itam/assets?id=${Array.from({ length: 101 }, (_, i) => `a${i}`).join(',')}`)
      .set('authorization', asUser())
      .expect(400);
    expect(JSON.stringify(tooMany.body)).toMatch(/\bid\b/);
  });

  it('creates, reads by id and tag, and lists an asset', async () => {
    const created = await create(laptop).expect(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({ ...laptop, version: 1, criticality: 3 });
    const byId = await api().get(`/api/itam/assets/${created.body.id}`).set('authorization', asUser()).expect(200);
    const byTag = await api().get('/api/itam/assets/LAP-00042').set('authorization', asUser()).expect(200);
    expect(byTag.body).toEqual(byId.body);
    const list = await api().get('/api/itam/assets?q=pf3abc&assetClass=hardware').set('authorization', asUser()).expect(200);
    expect(list.body.items.map((a: { tag: string }) => a.tag)).toEqual(['LAP-00042']);
    // A text search alone (on SQLite, read through the tag and search text index), by any case of
    // part of the tag, the serial or the name; `%` and `_` are text, not patterns.
    const tags = async (q: string) =>
      (await api().get(`/api/itam/assets?q=${encodeURIComponent(q)}`).set('authorization', asUser()).expect(200)).body.items.map(
        (a: { tag: string }) => a.tag,
      );
    expect(await tags('lap-0004')).toEqual(['LAP-00042']);
    expect(await tags('PF3ABC')).toEqual(['LAP-00042']);
    expect(await tags(laptop.name.slice(2, 9))).toEqual(['LAP-00042']);
    expect(await tags('%')).toEqual([]);
    expect(await tags('lap_0')).toEqual([]);
  });

  it('refuses bad input with 400 naming every field, and writes nothing', async () => {
    const res = await create({ ...laptop, tag: 'BAD-1', criticality: 7, purchase: { cost: 5 } }).expect(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'criticality' }),
        expect.objectContaining({ path: 'purchase.currency' }),
      ]),
    );
    expect(res.body.error.message).toMatch(/criticality/);
    await api().get('/api/itam/assets/BAD-1').set('authorization', asUser()).expect(404);
  });

  it('refuses a body missing a required field through the OpenAPI validator', async () => {
    const res = await create({ name: 'x', assetClass: 'hardware', type: 'laptop' }).expect(400);
    expect(res.body.error.message).toMatch(/tag/);
  });

  it('refuses a duplicate tag with 409', async () => {
    await create({ ...laptop, tag: 'DUP-1', serialNumber: undefined }).expect(201);
    const res = await create({ ...laptop, tag: 'DUP-1', serialNumber: undefined }).expect(409);
    expect(res.body.error.message).toMatch(/DUP-1/);
  });

  it('refuses an owner that is not in the catalogue with 422 naming the ref', async () => {
    const res = await create({ ...laptop, tag: 'GHOST-1', owner: 'user:default/ghost' }).expect(422);
    expect(res.body.error.message).toContain('user:default/ghost');
    await api().get('/api/itam/assets/GHOST-1').set('authorization', asUser()).expect(404);
  });

  it('updates with optimistic concurrency: a stale version gets 409 and changes nothing', async () => {
    const { body: asset } = await create({ ...laptop, tag: 'OCC-1' }).expect(201);
    const url = `/api/itam/assets/${asset.id}`;
    const ok = await api().patch(url).set('authorization', asUser()).set('if-match', '"1"').send({ location: 'HQ' }).expect(200);
    expect(ok.body).toMatchObject({ location: 'HQ', version: 2 });
    expect(ok.headers.etag).toBe('"2"');
    const stale = await api().patch(url).set('authorization', asUser()).set('if-match', '"1"').send({ location: 'DC-1' }).expect(409);
    expect(stale.body.error.name).toBe('ConflictError');
    const now = await api().get(url).set('authorization', asUser()).expect(200);
    expect(now.body).toMatchObject({ location: 'HQ', version: 2 });
    await api().patch(url).set('authorization', asUser()).send({ location: 'DC-1' }).expect(400);
  });

  it('lets exactly one of two concurrent updates win; history shows one change', async () => {
    const { body: asset } = await create({ ...laptop, tag: 'RACE-1' }).expect(201);
    const url = `/api/itam/assets/${asset.id}`;
    const results = await Promise.all(
      ['A', 'B'].map(loc =>
        api().patch(url).set('authorization', asUser()).set('if-match', '"1"').send({ location: loc }),
      ),
    );
    expect(results.map(r => r.status).sort()).toEqual([200, 409]);
    const history = await api().get(`${url}/history`).set('authorization', asUser()).expect(200);
    expect(history.body.items).toHaveLength(2);
    expect(history.body.items[1].changes).toEqual([
      { field: 'location', after: results.find(r => r.status === 200)!.body.location },
    ]);
  });

  it('moves an asset through its lifecycle and explains a refusal with 422', async () => {
    const { body: asset } = await create({ ...laptop, tag: 'LC-1', owner: undefined }).expect(201);
    const url = `/api/itam/assets/${asset.id}`;
    const options = await api().get(`${url}/transitions`).set('authorization', asUser()).expect(200);
    expect(options.body.items[0]).toMatchObject({ to: 'deployed', allowed: false });
    const refused = await api().post(`${url}/transitions`).set('authorization', asUser()).set('if-match', '"1"').send({ to: 'deployed' }).expect(422);
    expect(refused.body.violations).toEqual([expect.objectContaining({ ruleId: 'deploy-requires-owner' })]);
    await api().patch(url).set('authorization', asUser()).set('if-match', '"1"').send({ owner: 'group:sre' }).expect(200);
    const deployed = await api().post(`${url}/transitions`).set('authorization', asUser('user:default/sam')).set('if-match', '"2"').send({ to: 'deployed', reason: 'issued' }).expect(200);
    expect(deployed.body).toMatchObject({ lifecycleStage: 'deployed', owner: 'group:default/sre', version: 3 });
    const history = await api().get(`${url}/history`).set('authorization', asUser()).expect(200);
    expect(history.body.items[2]).toMatchObject({
      kind: 'transitioned',
      actor: 'user:default/sam',
      reason: 'issued',
      transition: { from: 'in-stock', to: 'deployed' },
    });
    expect(replayHistory(history.body.items)).toEqual(deployed.body);
  });

  it('links assets to entities and serves an entity’s assets', async () => {
    const { body: asset } = await create({ ...laptop, tag: 'SRV-9', assetClass: 'hardware', type: 'server', serialNumber: 'S9' }).expect(201);
    const url = `/api/itam/assets/${asset.id}/entity-links`;
    await api().post(url).set('authorization', asUser()).send({ entityRef: 'component:payments-api', role: 'runs-on' }).expect(201);
    await api().post(url).set('authorization', asUser()).send({ entityRef: 'component:payments-api', role: 'runs-on' }).expect(200);
    const unknown = await api().post(url).set('authorization', asUser()).send({ entityRef: 'component:default/nope', role: 'uses' }).expect(422);
    expect(unknown.body.error.message).toContain('component:default/nope');
    const bad = await api().post(url).set('authorization', asUser()).send({ entityRef: 'component:default/payments-api', role: 'owns' }).expect(400);
    expect(bad.body.error.message).toMatch(/role/);
    const assets = await api().get('/api/itam/entities/component/default/payments-api/assets').set('authorization', asUser()).expect(200);
    expect(assets.body.items).toEqual([{ asset: expect.objectContaining({ tag: 'SRV-9' }), role: 'runs-on' }]);
    const filtered = await api().get('/api/itam/assets?entityRef=component:default/payments-api').set('authorization', asUser()).expect(200);
    expect(filtered.body.items.map((a: { tag: string }) => a.tag)).toEqual(['SRV-9']);
    await api().delete(`${url}?entityRef=component:default/payments-api&role=runs-on`).set('authorization', asUser()).expect(204);
    await api().delete(`${url}?entityRef=component:default/payments-api&role=runs-on`).set('authorization', asUser()).expect(404);
  });

  it('serves an entity’s assets whole, in tag then role order, and none as an empty list', async () => {
    const empty = await api().get('/api/itam/entities/system/default/payments/assets').set('authorization', asUser()).expect(200);
    expect(empty.text).toBe('{"items":[]}');
    const link = (id: string, role: string) =>
      api().post(`/api/itam/assets/${id}/entity-links`).set('authorization', asUser()).send({ entityRef: 'system:default/payments', role }).expect(201);
    const { body: second } = await create({ ...laptop, tag: 'ORD-2', serialNumber: 'O2', name: 'Quote "and" ünïcode' }).expect(201);
    const { body: first } = await create({ ...laptop, tag: 'ORD-1', serialNumber: 'O1' }).expect(201);
    await link(second.id, 'uses');
    await link(first.id, 'uses');
    await link(first.id, 'runs-on');
    const assets = await api().get('/api/itam/entities/system/default/payments/assets').set('authorization', asUser()).expect(200);
    expect(assets.headers['content-type']).toMatch(/^application\/json/);
    expect(assets.body.items).toEqual([
      { asset: first, role: 'runs-on' },
      { asset: first, role: 'uses' },
      { asset: second, role: 'uses' },
    ]);
  });

  it('links tickets idempotently and finds a ticket’s assets', async () => {
    const { body: asset } = await create({ ...laptop, tag: 'TIX-1', serialNumber: 'T1' }).expect(201);
    const url = `/api/itam/assets/${asset.id}/tickets`;
    // With the issue's immutable id, which the schema of @itam/common and the OpenAPI document both take.
    const link = { site: 'acme.atlassian.net', issueKey: 'OPS-7', issueId: '10042', ticketType: 'incident', summary: 'Laptop dead' };
    await api().post(url).set('authorization', asUser()).send(link).expect(201);
    await api().post(url).set('authorization', asUser()).send({ ...link, status: 'Done', resolved: true }).expect(200);
    const tickets = await api().get(url).set('authorization', asUser()).expect(200);
    expect(tickets.body.items).toEqual([expect.objectContaining({ issueKey: 'OPS-7', issueId: '10042', status: 'Done', resolved: true })]);
    const byTicket = await api().get('/api/itam/tickets/acme.atlassian.net/OPS-7/assets').set('authorization', asUser()).expect(200);
    expect(byTicket.body.items).toHaveLength(1);
    await api().post(url).set('authorization', asUser()).send({ ...link, issueKey: 'nope' }).expect(400);
    await api().delete(`${url}?site=acme.atlassian.net&issueKey=OPS-7`).set('authorization', asUser()).expect(204);
  });

  it('links assets to assets, refusing self-links and unknown targets', async () => {
    const { body: host } = await create({ ...laptop, tag: 'HOST-1', serialNumber: 'H1' }).expect(201);
    const { body: vm } = await create({ tag: 'VM-1', name: 'vm', assetClass: 'cloud', type: 'virtual-machine' }).expect(201);
    const url = `/api/itam/assets/${host.id}/asset-links`;
    await api().post(url).set('authorization', asUser()).send({ type: 'hosts', targetAssetId: vm.id }).expect(201);
    await api().post(url).set('authorization', asUser()).send({ type: 'hosts', targetAssetId: host.id }).expect(422);
    await api().post(url).set('authorization', asUser()).send({ type: 'hosts', targetAssetId: 'missing' }).expect(422);
    const links = await api().get(`/api/itam/assets/${vm.id}/asset-links`).set('authorization', asUser()).expect(200);
    expect(links.body.items).toEqual([{ sourceAssetId: host.id, type: 'hosts', targetAssetId: vm.id }]);
  });

  it('paginates with a cursor in tag order', async () => {
    for (const n of [1, 2, 3, 4, 5]) {
      await create({ tag: `PG-${n}`, name: `page ${n}`, assetClass: 'software', type: 'pager' }).expect(201);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await api()
        .get(`/api/itam/assets?type=pager&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set('authorization', asUser())
        .expect(200);
      seen.push(...res.body.items.map((a: { tag: string }) => a.tag));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['PG-1', 'PG-2', 'PG-3', 'PG-4', 'PG-5']);
    await api().get('/api/itam/assets?cursor=garbage').set('authorization', asUser()).expect(400);
    await api().get('/api/itam/assets?limit=0').set('authorization', asUser()).expect(400);
    await api().get('/api/itam/assets?colour=red').set('authorization', asUser()).expect(400);
  });

  it('exports the register as CSV', async () => {
    await create({ tag: 'CSV-1', name: 'Comma, "quoted"', assetClass: 'software', type: 'csv-thing' }).expect(201);
    const res = await api().get('/api/itam/assets/export.csv?type=csv-thing').set('authorization', asUser()).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toMatch(/^id,tag,name,assetClass,type,lifecycleStage/);
    expect(lines[1]).toContain('CSV-1,"Comma, ""quoted""",software,csv-thing,planned');
  });

  it('neutralises formula-leading text cells in the CSV export and keeps numbers numeric', async () => {
    await create({
      tag: 'CSV-2',
      name: '=HYPERLINK("http://evil.example","click")',
      assetClass: 'hardware',
      type: 'csv-formula',
      location: '-2+3',
      costCentre: '@SUM(A1)',
      purchase: { cost: 12.5, currency: 'EUR', supplier: '+44 20 7946 0000' },
    }).expect(201);
    const res = await api().get('/api/itam/assets/export.csv?type=csv-formula').set('authorization', asUser()).expect(200);
    const [header, row] = res.text.trim().split('\n');
    const cells = parseCsvLine(row);
    expect(Object.fromEntries(header.split(',').map((h, i) => [h, cells[i]]))).toMatchObject({
      name: `'=HYPERLINK("http://evil.example","click")`,
      location: "'-2+3",
      costCentre: "'@SUM(A1)",
      supplier: "'+44 20 7946 0000",
      purchaseCost: '12.5',
      criticality: '3',
    });
  });
});

describe('ITAM API with a deny policy', () => {
  it('answers 403 on reads and writes and writes nothing', async () => {
    const knex = await databases.init('SQLITE_3');
    const backend = await startItamBackend({ knex, permissionResult: AuthorizeResult.DENY });
    try {
      await request(backend.server).get('/api/itam/assets').set('authorization', asUser()).expect(403);
      await request(backend.server).post('/api/itam/assets').set('authorization', asUser()).send(laptop).expect(403);
      expect(await knex('itam_assets').count({ n: '*' })).toEqual([{ n: 0 }]);
    } finally {
      await backend.stop();
    }
  });
});

describe('ITAM plugin configuration', () => {
  it('refuses a negative SQLite mapping size at start, naming the setting', async () => {
    const knex = await databases.init('SQLITE_3');
    await expect(
      startItamBackend({ knex, config: { itam: { database: { sqliteMmapSizeMiB: -1 } } } }),
    ).rejects.toThrow('itam.database.sqliteMmapSizeMiB must be 0 or more, got -1');
  });
});
