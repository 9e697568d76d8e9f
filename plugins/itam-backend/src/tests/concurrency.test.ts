import request from 'supertest';
import { asUser, itamBackendPerSuite, itamTestDatabases } from './testBackend';

const databases = itamTestDatabases();

/**
 * Concurrent writers on one asset and on one entitlement: optimistic concurrency lets exactly one
 * writer win each version and loses no change; seat allocations never exceed the seats.
 */
describe.each(databases.eachSupportedId())('concurrent writers on %s', databaseId => {
  const suite = itamBackendPerSuite(databases, databaseId);
  const api = () => request(suite.server);
  const WRITERS = 50;

  it('50 writers on one asset: one wins per version, every change lands once', async () => {
    const { body: asset } = await api()
      .post('/api/itam/assets')
      .set('authorization', asUser())
      .send({ tag: 'CONC-1', name: 'contended', assetClass: 'hardware', type: 'server' })
      .expect(201);
    const url = `/api/itam/assets/${asset.id}`;

    // Round one: all fifty write on version 1 at once.
    const first = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        api().patch(url).set('authorization', asUser()).set('if-match', '"1"').send({ location: `desk-${i}` }),
      ),
    );
    expect(first.map(r => r.status).sort()).toEqual([200, ...Array(WRITERS - 1).fill(409)]);

    // Then each writer retries on conflict until its own attribute is in: none may be lost.
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, i) => {
        for (;;) {
          const { body: current } = await api().get(url).set('authorization', asUser()).expect(200);
          const res = await api()
            .patch(url)
            .set('authorization', asUser())
            .set('if-match', `"${current.version}"`)
            .send({ attributes: { ...current.attributes, [`writer${i}`]: i } });
          if (res.status === 200) return;
          expect(res.status).toBe(409);
        }
      }),
    );
    const { body: final } = await api().get(url).set('authorization', asUser()).expect(200);
    expect(Object.keys(final.attributes).sort()).toEqual(Array.from({ length: WRITERS }, (_, i) => `writer${i}`).sort());
    expect(final.version).toBe(2 + WRITERS);
    const { body: history } = await api().get(`${url}/history`).set('authorization', asUser()).expect(200);
    expect(history.items.map((e: { version: number }) => e.version)).toEqual(Array.from({ length: WRITERS + 2 }, (_, i) => i + 1));
  });

  it('50 concurrent seat allocations against a 10-seat entitlement allocate exactly 10', async () => {
    const product = await api()
      .post('/api/itam/products')
      .set('authorization', asUser())
      .send({ id: 'conc-saas', publisher: 'Acme', name: 'Chat', underManagement: true })
      .expect(201);
    await api()
      .post('/api/itam/entitlements')
      .set('authorization', asUser())
      .send({ id: 'conc-seats', productId: product.body.id, metric: 'subscription', quantity: 10 })
      .expect(201);
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        api()
          .post('/api/itam/entitlements/conc-seats/allocations')
          .set('authorization', asUser())
          .send({ userRef: i % 2 === 0 ? 'user:default/jane' : 'user:default/sam' }),
      ),
    );
    // Two distinct users, fifty requests: two seats taken, the rest idempotent.
    expect(results.filter(r => r.status === 201)).toHaveLength(2);
    expect(results.every(r => r.status === 200 || r.status === 201)).toBe(true);

    await api()
      .post('/api/itam/entitlements')
      .set('authorization', asUser())
      .send({ id: 'conc-devices', productId: product.body.id, metric: 'per-device', quantity: 10 })
      .expect(201);
    const devices = [];
    for (let i = 0; i < WRITERS; i++) {
      const { body } = await api()
        .post('/api/itam/assets')
        .set('authorization', asUser())
        .send({ tag: `SEAT-${i}`, name: `device ${i}`, assetClass: 'hardware', type: 'laptop' })
        .expect(201);
      devices.push(body.id);
    }
    const taken = await Promise.all(
      devices.map(deviceId =>
        api().post('/api/itam/entitlements/conc-devices/allocations').set('authorization', asUser()).send({ deviceId }),
      ),
    );
    expect(taken.filter(r => r.status === 201)).toHaveLength(10);
    expect(taken.filter(r => r.status === 422)).toHaveLength(WRITERS - 10);
    expect(taken.find(r => r.status === 422)?.body.violations[0].ruleId).toBe('licence-over-allocated');
    const { body: stored } = await api().get('/api/itam/entitlements/conc-devices').set('authorization', asUser()).expect(200);
    expect(stored.allocations.deviceIds).toHaveLength(10);
    expect(new Set(stored.allocations.deviceIds).size).toBe(10);
    expect(stored.revision).toBe(11);
  });

  it('two concurrent links of one ticket end in one link, not an error', async () => {
    const { body: asset } = await api()
      .post('/api/itam/assets')
      .set('authorization', asUser())
      .send({ tag: 'CONC-T', name: 'ticketed', assetClass: 'hardware', type: 'server' })
      .expect(201);
    const url = `/api/itam/assets/${asset.id}/tickets`;
    for (let round = 0; round < 5; round++) {
      const link = { site: 'acme.atlassian.net', issueKey: `OPS-${round + 1}`, ticketType: 'incident' };
      const results = await Promise.all(
        Array.from({ length: 10 }, () => api().post(url).set('authorization', asUser()).send(link)),
      );
      expect(results.map(r => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    }
    const { body } = await api().get(url).set('authorization', asUser()).expect(200);
    expect(body.items).toHaveLength(5);
  });
});
