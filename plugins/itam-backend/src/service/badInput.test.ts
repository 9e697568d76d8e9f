import type { Server } from 'node:http';
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
});
