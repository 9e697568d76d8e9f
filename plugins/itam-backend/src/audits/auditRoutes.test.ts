import request from 'supertest';
import { asUser, itamBackendPerSuite, itamTestDatabases } from '../tests/testBackend';

const databases = itamTestDatabases();

describe.each(databases.eachSupportedId())('audit campaigns on %s', databaseId => {
  const suite = itamBackendPerSuite(databases, databaseId);

  const api = () => request(suite.server);
  const post = (url: string, body: object) => api().post(url).set('authorization', asUser()).send(body);

  it('runs a campaign: observations, live findings, close freezes them', async () => {
    for (const [tag, location] of [['LAP-1', 'Berlin'], ['LAP-2', 'Berlin'], ['LAP-3', 'Berlin']]) {
      await post('/api/itam/assets', { tag, name: tag, assetClass: 'hardware', type: 'laptop', location, serialNumber: `S-${tag}` }).expect(201);
    }
    await post('/api/itam/assets', { tag: 'VM-1', name: 'vm', assetClass: 'cloud', type: 'vm' }).expect(201);
    const { body: campaign } = await post('/api/itam/audits', {
      name: 'Berlin laptops Q1',
      scope: { assetClasses: ['hardware'], locations: ['Berlin'] },
    }).expect(201);
    expect(campaign).toMatchObject({ status: 'open', createdBy: 'user:default/jane' });

    await post(`/api/itam/audits/${campaign.id}/observations`, { observations: [{ result: 'seen' }] }).expect(400);
    const observed = await post(`/api/itam/audits/${campaign.id}/observations`, {
      observations: [
        { assetTag: 'LAP-1', result: 'seen', location: 'Berlin' },
        { serialNumber: 'S-LAP-2', result: 'seen', location: 'Hamburg' },
        { assetTag: 'LAP-77', result: 'seen', location: 'Berlin' },
      ],
    }).expect(201);
    expect(observed.body.result).toMatchObject({
      inScope: 3,
      counts: { verified: 1, 'location-mismatch': 1, 'not-observed': 1, unexpected: 1 },
      accuracy: 1 / 3,
    });

    const closed = await post(`/api/itam/audits/${campaign.id}/close`, {}).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: 'user:default/jane', result: { inScope: 3 } });
    await post(`/api/itam/audits/${campaign.id}/observations`, { observations: [{ assetTag: 'LAP-3', result: 'seen' }] }).expect(409);
    await post(`/api/itam/audits/${campaign.id}/close`, {}).expect(409);
    // A closed campaign keeps its findings even when the register changes.
    await post('/api/itam/assets', { tag: 'LAP-4', name: 'LAP-4', assetClass: 'hardware', type: 'laptop', location: 'Berlin' }).expect(201);
    const after = await api().get(`/api/itam/audits/${campaign.id}`).set('authorization', asUser()).expect(200);
    expect(after.body.result.inScope).toBe(3);
    const list = await api().get('/api/itam/audits').set('authorization', asUser()).expect(200);
    expect(list.body.items.map((c: { name: string }) => c.name)).toContain('Berlin laptops Q1');
    await api().get('/api/itam/audits/nope').set('authorization', asUser()).expect(404);
  });

  it('refuses a campaign without a name', async () => {
    const res = await post('/api/itam/audits', { name: ' ' }).expect(400);
    expect(res.body.error.message).toMatch(/name/);
  });
});
