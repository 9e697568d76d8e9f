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

    const get = (url: string) => api().get(url).set('authorization', asUser());
    const findings = `/api/itam/audits/${campaign.id}/findings`;
    const first = await get(`${findings}?limit=2`).expect(200);
    expect(first.body.items.map((f: { assetTag: string; kind: string }) => [f.assetTag, f.kind])).toEqual([
      ['LAP-1', 'verified'],
      ['LAP-2', 'location-mismatch'],
    ]);
    const second = await get(`${findings}?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items.map((f: { assetTag: string; kind: string }) => [f.assetTag, f.kind])).toEqual([
      ['LAP-3', 'not-observed'],
      ['LAP-77', 'unexpected'],
    ]);
    expect(second.body.nextCursor).toBeUndefined();
    const unchecked = await get(`${findings}?kind=not-observed`).expect(200);
    expect(unchecked.body.items).toEqual([expect.objectContaining({ assetTag: 'LAP-3', registerLocation: 'Berlin', serialNumber: 'S-LAP-3' })]);
    expect((await get(`${findings}?kind=lost`).expect(400)).body.error.message).toMatch(/kind/);
    expect((await get(`${findings}?cursor=nonsense`).expect(400)).body.error.message).toMatch(/cursor/);
    expect((await get(`${findings}?limit=501`).expect(400)).body.error.message).toMatch(/limit/);

    const closed = await post(`/api/itam/audits/${campaign.id}/close`, {}).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: 'user:default/jane', result: { inScope: 3 } });
    await post(`/api/itam/audits/${campaign.id}/observations`, { observations: [{ assetTag: 'LAP-3', result: 'seen' }] }).expect(409);
    await post(`/api/itam/audits/${campaign.id}/close`, {}).expect(409);
    // A closed campaign keeps its findings even when the register changes.
    await post('/api/itam/assets', { tag: 'LAP-4', name: 'LAP-4', assetClass: 'hardware', type: 'laptop', location: 'Berlin' }).expect(201);
    const after = await api().get(`/api/itam/audits/${campaign.id}`).set('authorization', asUser()).expect(200);
    expect(after.body.result.inScope).toBe(3);
    const frozen = await get(`${findings}?limit=3`).expect(200);
    expect(frozen.body.items.map((f: { assetTag: string }) => f.assetTag)).toEqual(['LAP-1', 'LAP-2', 'LAP-3']);
    const rest = await get(`${findings}?limit=3&cursor=${frozen.body.nextCursor}`).expect(200);
    expect(rest.body.items.map((f: { assetTag: string }) => f.assetTag)).toEqual(['LAP-77']);
    // A cursor of the live list, from before the close, is not one the frozen list gave.
    await get(`${findings}?cursor=${first.body.nextCursor}`).expect(400);
    await get('/api/itam/audits/nope/findings').expect(404);
    const list = await api().get('/api/itam/audits').set('authorization', asUser()).expect(200);
    expect(list.body.items.map((c: { name: string }) => c.name)).toContain('Berlin laptops Q1');
    await api().get('/api/itam/audits/nope').set('authorization', asUser()).expect(404);
  });

  it('refuses a campaign without a name', async () => {
    const res = await post('/api/itam/audits', { name: ' ' }).expect(400);
    expect(res.body.error.message).toMatch(/name/);
  });
});
