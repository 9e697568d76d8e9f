import type { Server } from 'node:http';
import { connect } from 'node:net';
import request from 'supertest';
import { asUser, itamTestDatabases, startItamBackend } from '../tests/testBackend';

const databases = itamTestDatabases();

/**
 * Every write route refuses bad input with a 400 whose message names the field, and the
 * register is exactly as it was afterwards.
 */
describe.each(databases.eachSupportedId())('bad input on every write route on %s', databaseId => {
  let server: Server;
  let stop: () => Promise<void>;
  let assetId: string;
  let campaignId: string;

  beforeAll(async () => {
    const backend = await startItamBackend({ knex: await databases.init(databaseId) });
    server = backend.server;
    stop = () => backend.stop();
    const asset = await request(server)
      .post('/api/itam/assets')
      .set('authorization', asUser())
      .send({ tag: 'BI-1', name: 'laptop', assetClass: 'hardware', type: 'laptop', lifecycleStage: 'in-stock' })
      .expect(201);
    assetId = asset.body.id;
    const campaign = await request(server)
      .post('/api/itam/audits')
      .set('authorization', asUser())
      .send({ name: 'Q1' })
      .expect(201);
    campaignId = campaign.body.id;
  });
  afterAll(() => stop());

  /** Everything a bad request could have touched, read back through the API. */
  async function state() {
    const get = (url: string) => request(server).get(url).set('authorization', asUser()).expect(200);
    return Promise.all([
      get('/api/itam/assets?limit=500'),
      get(`/api/itam/assets/${assetId}/history`),
      get(`/api/itam/assets/${assetId}/entity-links`),
      get(`/api/itam/assets/${assetId}/asset-links`),
      get(`/api/itam/assets/${assetId}/tickets`),
      get(`/api/itam/audits/${campaignId}`),
    ]).then(responses => responses.map(r => r.body));
  }

  const cases: [string, string, () => string, object, RegExp, Record<string, string>?][] = [
    ['create asset', 'post', () => '/api/itam/assets', { tag: 'BI-2', name: 'x', assetClass: 'hardware', type: 'Laptop!' }, /type/],
    ['update asset', 'patch', () => `/api/itam/assets/${assetId}`, { criticality: 9 }, /criticality/, { 'if-match': '"1"' }],
    ['update asset without version', 'patch', () => `/api/itam/assets/${assetId}`, { location: 'HQ' }, /if-match/],
    ['transition', 'post', () => `/api/itam/assets/${assetId}/transitions`, { to: 'lost' }, /to/, { 'if-match': '"1"' }],
    ['entity link', 'post', () => `/api/itam/assets/${assetId}/entity-links`, { entityRef: 'not a ref', role: 'runs-on' }, /entityRef/],
    ['asset link', 'post', () => `/api/itam/assets/${assetId}/asset-links`, { type: 'sibling-of', targetAssetId: 'some-asset' }, /type/],
    ['ticket link', 'post', () => `/api/itam/assets/${assetId}/tickets`, { site: 'acme.atlassian.net', issueKey: 'OPS-1', ticketType: 'bug' }, /ticketType/],
    ['audit campaign', 'post', () => '/api/itam/audits', { name: 'x', scope: { assetClasses: ['furniture'] } }, /assetClasses/],
    ['audit observation', 'post', () => `/api/itam/audits/${campaignId}/observations`, { observations: [{ assetTag: 'BI-1', result: 'maybe' }] }, /result/],
  ];

  it.each(cases)('%s', async (_name, method, url, body, field, headers = {}) => {
    const before = await state();
    const agent = request(server) as unknown as Record<string, (u: string) => request.Test>;
    const res = await agent[method](url())
      .set('authorization', asUser())
      .set(headers)
      .send(body)
      .expect(400);
    expect(res.body.error.message).toMatch(field);
    expect(await state()).toEqual(before);
  });

  /** Sends a raw HTTP request and resolves with the status code of the answer. */
  function rawStatus(head: string, body = ''): Promise<number> {
    const { port } = server.address() as { port: number };
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(`${head}\r\n\r\n${body}`));
      let text = '';
      socket.on('data', chunk => {
        text += chunk.toString('latin1');
        const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
        if (status) {
          resolve(Number(status[1]));
          socket.destroy();
        }
      });
      socket.on('error', reject);
      socket.on('close', () => reject(new Error(`no answer: ${text}`)));
    });
  }

  const hostile: [string, string, () => string, object, RegExp, number?][] = [
    ['NUL in a name', 'post', () => '/api/itam/assets', { tag: 'H-1', name: 'a\u0000b', assetClass: 'hardware', type: 'laptop' }, /name/],
    ['unpaired surrogate in a serial', 'post', () => '/api/itam/assets', { tag: 'H-2', name: 'x', assetClass: 'hardware', type: 'laptop', serialNumber: 'S\uD800' }, /serialNumber/],
    ['NUL in an attribute value', 'post', () => '/api/itam/assets', { tag: 'H-3', name: 'x', assetClass: 'hardware', type: 'laptop', attributes: { note: '\u0000' } }, /attributes/],
    ['101 attributes', 'post', () => '/api/itam/assets', { tag: 'H-4', name: 'x', assetClass: 'hardware', type: 'laptop', attributes: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`a${i}`, i])) }, /attributes must have at most 100 attributes/],
    ['a cost beyond what is stored exactly', 'post', () => '/api/itam/assets', { tag: 'H-4', name: 'x', assetClass: 'hardware', type: 'laptop', purchase: { cost: 1e300, currency: 'EUR' } }, /purchase.cost/],
    ['30 February', 'post', () => '/api/itam/assets', { tag: 'H-5', name: 'x', assetClass: 'hardware', type: 'laptop', warrantyEnd: '2026-02-30' }, /warrantyEnd/],
    ['a deployed asset without owner', 'post', () => '/api/itam/assets', { tag: 'H-6', name: 'x', assetClass: 'hardware', type: 'laptop', lifecycleStage: 'deployed' }, /owner/, 422],
    ['a disposed restricted asset without sanitisation', 'post', () => '/api/itam/assets', { tag: 'H-7', name: 'x', assetClass: 'hardware', type: 'laptop', lifecycleStage: 'disposed', dataClassification: 'restricted' }, /sanitisation/, 422],
    ['NUL in a ticket summary', 'post', () => `/api/itam/assets/${assetId}/tickets`, { site: 'acme.atlassian.net', issueKey: 'OPS-9', ticketType: 'incident', summary: '\u0000' }, /summary/],
    ['an impact window on 30 February', 'post', () => '/api/itam/impact', { assets: ['BI-1'], window: { start: '2026-02-30T00:00:00Z', end: '2026-03-01T00:00:00Z' } }, /window.start/],
    ['NUL in an audit note', 'post', () => `/api/itam/audits/${campaignId}/observations`, { observations: [{ assetTag: 'BI-1', result: 'seen', note: '\u0000' }] }, /note/],
  ];

  it.each(hostile)('%s', async (_name, method, url, body, field, status = 400) => {
    const before = await state();
    const agent = request(server) as unknown as Record<string, (u: string) => request.Test>;
    const res = await agent[method](url()).set('authorization', asUser()).send(body).expect(status);
    expect(`${res.body.error.message} ${JSON.stringify(res.body.violations ?? [])}`).toMatch(field);
    expect(await state()).toEqual(before);
  });

  it('refuses a concurrent-use peak beyond the integer column with 400 naming peak', async () => {
    await request(server).post('/api/itam/products').set('authorization', asUser())
      .send({ id: 'bi-product', publisher: 'Acme', name: 'Tool', underManagement: true }).expect(201);
    const res = await request(server).post('/api/itam/products/bi-product/concurrent-peaks').set('authorization', asUser())
      .send({ peak: 3_000_000_000, observedAt: '2026-01-05' }).expect(400);
    expect(res.body.error.message).toMatch(/peak/);
    await request(server).post('/api/itam/products/bi-product/concurrent-peaks').set('authorization', asUser())
      .send({ peak: 2_147_483_647, observedAt: '2026-01-05' }).expect(201);
  });

  it('answers a NUL in a path or query parameter with 400, never 500', async () => {
    const get = (url: string) => request(server).get(url).set('authorization', asUser());
    expect((await get('/api/itam/assets/%00').expect(400)).body.error.message).toMatch(/id/);
    await get(`/api/itam/assets/${assetId}%00/history`).expect(400);
    expect((await get('/api/itam/assets?owner=%00').expect(400)).body.error.message).toMatch(/owner/);
    await get('/api/itam/tickets/acme.atlassian.net/OPS%00-1/assets').expect(400);
    await get('/api/itam/entities/component/default/%00/assets').expect(400);
    await get('/api/itam/products/%00').expect(400);
    await get('/api/itam/risks?assetId=%00').expect(400);
    await get('/api/itam/assets/%ED%A0%80').expect(400);
  });

  it('answers an oversize body with 413 and a Content-Length beyond bigint with 4xx', async () => {
    const huge = { tag: 'BIG-1', name: 'x', assetClass: 'hardware', type: 'laptop', description: 'd'.repeat(2 * 1024 * 1024) };
    await request(server).post('/api/itam/assets').set('authorization', asUser()).send(huge).expect(413);
    const auth = `Authorization: ${asUser()}`;
    const beyondUint64 = await rawStatus(`POST /api/itam/imports?format=itam-json&dryRun=true HTTP/1.1\r\nHost: localhost\r\n${auth}\r\nContent-Type: application/json\r\nContent-Length: 99999999999999999999999`, '[]');
    expect(beyondUint64).toBeGreaterThanOrEqual(400);
    expect(beyondUint64).toBeLessThan(500);
    const beyondBigint = await rawStatus(`POST /api/itam/assets HTTP/1.1\r\nHost: localhost\r\n${auth}\r\nContent-Type: application/json\r\nContent-Length: 9223372036854775808`, '{}');
    expect(beyondBigint).toBeGreaterThanOrEqual(400);
    expect(beyondBigint).toBeLessThan(500);
  });

  it('refuses a patch that clears what the asset’s stage requires, and changes nothing', async () => {
    const { body: deployed } = await request(server).post('/api/itam/assets').set('authorization', asUser())
      .send({ tag: 'BI-D', name: 'srv', assetClass: 'hardware', type: 'server', lifecycleStage: 'deployed', owner: 'group:default/sre' }).expect(201);
    const before = await state();
    const res = await request(server).patch(`/api/itam/assets/${deployed.id}`).set('authorization', asUser())
      .set('if-match', '"1"').send({ owner: null }).expect(422);
    expect(res.body.violations).toEqual([expect.objectContaining({ ruleId: 'deploy-requires-owner', field: 'owner' })]);
    expect(await state()).toEqual(before);
  });
});
