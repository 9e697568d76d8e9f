import request from 'supertest';
import { asUser, itamBackendPerSuite, itamTestDatabases } from '../tests/testBackend';

const databases = itamTestDatabases();

describe.each(databases.eachSupportedId())('licence routes on %s', databaseId => {
  const suite = itamBackendPerSuite(databases, databaseId);

  const api = () => request(suite.server);
  const get = (url: string) => api().get(url).set('authorization', asUser());
  const post = (url: string, body: object) => api().post(url).set('authorization', asUser()).send(body);
  const put = (url: string, version: string, body: object) =>
    api().put(url).set('authorization', asUser()).set('if-match', version).send(body);
  const count = async (table: string) => Number((await suite.knex(table).count({ n: '*' }))[0].n);

  const sqlProduct = {
    id: 'sql-ent',
    publisher: 'Microsoft',
    name: 'SQL Server Enterprise',
    version: '2022',
    underManagement: true,
    coreCounting: 'sql-server',
    recognition: [{ publisher: 'Microsoft', namePattern: 'SQL Server 2022 Enterprise' }],
  };
  let serverId: string;
  let otherServerId: string;

  beforeAll(async () => {
    const created = await post('/api/itam/assets', {
      tag: 'SRV-L1',
      name: 'db host',
      assetClass: 'hardware',
      type: 'server',
      attributes: { processors: 2, coresPerProcessor: 16, cpu: 'Intel Xeon Gold 6338' },
    }).expect(201);
    serverId = created.body.id;
    // As a GLPI import records it: total cores and the processor model.
    const other = await post('/api/itam/assets', {
      tag: 'SRV-L2',
      name: 'report host',
      assetClass: 'hardware',
      type: 'server',
      attributes: { processors: 1, cores: 6, processorModel: 'Intel Xeon E-2386G' },
    }).expect(201);
    otherServerId = other.body.id;
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const badProduct = await post('/api/itam/products', { ...sqlProduct, underManagement: 'yes' }).expect(400);
    expect(badProduct.body.error.message).toMatch(/underManagement/);
    const badRule = await post('/api/itam/products', { ...sqlProduct, recognition: [{ namePattern: '/sql(/' }] }).expect(400);
    expect(badRule.body.error.message).toMatch(/recognition\.0\.namePattern/);
    expect(await count('itam_software_products')).toBe(0);

    await post('/api/itam/products', sqlProduct).expect(201);
    const badEntitlement = await post('/api/itam/entitlements', { productId: 'sql-ent', metric: 'per-core' }).expect(400);
    expect(badEntitlement.body.error.message).toMatch(/quantity/);
    const badInstallation = await post('/api/itam/installations', { deviceId: serverId }).expect(400);
    expect(badInstallation.body.error.message).toMatch(/productId/);
    const badPeak = await post('/api/itam/products/sql-ent/concurrent-peaks', { peak: -1, observedAt: '2026-11-30' }).expect(400);
    expect(badPeak.body.error.message).toMatch(/peak/);
    expect(await count('itam_entitlements')).toBe(0);
    expect(await count('itam_installations')).toBe(0);
    expect(await count('itam_concurrent_peaks')).toBe(0);
  });

  it('refuses references to unknown products and devices with a 422, and a missing path id with a 404', async () => {
    const entitlement = await post('/api/itam/entitlements', { productId: 'nope', metric: 'per-device', quantity: 1 }).expect(422);
    expect(entitlement.body.error.message).toMatch(/productId: no software product "nope"/);
    await post('/api/itam/installations', { deviceId: serverId, productId: 'nope' }).expect(422);
    await post('/api/itam/installations', { deviceId: 'SRV-NONE', productId: 'sql-ent' }).expect(422);
    await post('/api/itam/products/nope/assignments', { userRef: 'user:default/jane' }).expect(404);
    await post('/api/itam/products/sql-ent/assignments', { userRef: 'user:default/ghost' }).expect(422);
    await get('/api/itam/products/nope').expect(404);
    await get('/api/itam/licences/positions/nope').expect(404);
    expect(await count('itam_entitlements')).toBe(0);
    expect(await count('itam_installations')).toBe(0);
    expect(await count('itam_user_assignments')).toBe(0);
  });

  it('reports a shortfall with its explanation, and an update with a stale revision gets 409', async () => {
    const ent = await post('/api/itam/entitlements', {
      id: 'ent-sql',
      productId: 'sql-ent',
      metric: 'per-core',
      quantity: 16,
      unitCost: 7000,
      currency: 'EUR',
    }).expect(201);
    expect(ent.headers.etag).toBe('"1"');
    // All prices are in one currency.
    await post('/api/itam/entitlements', { productId: 'sql-ent', metric: 'per-core', quantity: 2, unitCost: 1, currency: 'USD' }).expect(422);
    const inst = await post('/api/itam/installations', { deviceId: 'SRV-L1', productId: 'sql-ent', version: '16.0' }).expect(201);
    expect(inst.body).toMatchObject({ assetId: serverId, productId: 'sql-ent', source: 'api' });

    const position = await get('/api/itam/licences/positions/sql-ent').expect(200);
    expect(position.body).toMatchObject({
      productId: 'sql-ent',
      status: 'under-licensed',
      required: 32,
      owned: 16,
      position: -16,
      trueUp: { cost: 16 * 7000, currency: 'EUR', complete: true },
    });
    expect(position.body.explanation.consumers).toEqual([
      expect.objectContaining({
        consumerId: serverId,
        installationIds: [inst.body.id],
        demand: 32,
        shortfall: 16,
        basis: expect.objectContaining({ rule: 'sql-server-physical', processors: 2, coresPerProcessor: 16 }),
        consumed: [expect.objectContaining({ entitlementId: 'ent-sql', amount: 16 })],
      }),
    ]);
    const all = await get('/api/itam/licences/positions').expect(200);
    expect(all.body.summary).toMatchObject({ products: 1, reconciled: 1, byStatus: { 'under-licensed': 1 } });
    // The list carries each product's figures; the lists that grow with its installations are on its page.
    expect(all.body.products[0]).toMatchObject({ productId: 'sql-ent', status: 'under-licensed', position: -16, harvestCandidateCount: 0 });
    expect(all.body.products[0]).not.toHaveProperty('explanation');
    expect(all.body.products[0]).not.toHaveProperty('harvestCandidates');
    const explained = await get('/api/itam/licences/positions?explain=true').expect(400);
    expect(explained.body.error.message).toMatch(/explain/);

    // Buying the missing cores: the first update wins, a second one based on revision 1 is refused.
    const body = { productId: 'sql-ent', metric: 'per-core', quantity: 32, unitCost: 7000, currency: 'EUR' };
    const updated = await put('/api/itam/entitlements/ent-sql', '"1"', body).expect(200);
    expect(updated.headers.etag).toBe('"2"');
    await put('/api/itam/entitlements/ent-sql', '"1"', { ...body, quantity: 8 }).expect(409);
    expect((await get('/api/itam/entitlements/ent-sql').expect(200)).body).toMatchObject({ quantity: 32, revision: 2 });
    await put('/api/itam/entitlements/nope', '"1"', body).expect(404);
    const after = await get('/api/itam/licences/positions/sql-ent').expect(200);
    expect(after.body).toMatchObject({ status: 'compliant', required: 32, owned: 32 });

    await put('/api/itam/products/sql-ent', '"1"', { ...sqlProduct, id: undefined, underManagement: false }).expect(200);
    await put('/api/itam/products/sql-ent', '"1"', sqlProduct).expect(409);
    await put('/api/itam/products/sql-ent', '"2"', { ...sqlProduct, id: 'other' }).expect(400);
    expect((await get('/api/itam/products/sql-ent').expect(200)).body).toMatchObject({ underManagement: false, revision: 2 });
    await put('/api/itam/products/sql-ent', '"2"', sqlProduct).expect(200);
  });

  it('matches an imported raw installation to its product through the recognition rules', async () => {
    await suite.knex('itam_installations').insert({
      asset_id: otherServerId,
      product_name: 'Microsoft SQL Server 2022 Enterprise (64-bit)',
      publisher: 'Microsoft Corporation',
      version: '16.0.4135.4',
      source: 'glpi',
      imported_at: '2026-11-30T10:00:00.000Z',
    });
    await suite.knex('itam_installations').insert({
      asset_id: otherServerId,
      product_name: 'Mozilla Firefox',
      publisher: 'Mozilla',
      source: 'glpi',
      imported_at: '2026-11-30T10:00:00.000Z',
    });
    const listed = await get('/api/itam/installations?productId=sql-ent').expect(200);
    expect(listed.body.items.map((i: { assetId: string; matchedProductId: string }) => [i.assetId, i.matchedProductId])).toEqual([
      [serverId, 'sql-ent'],
      [otherServerId, 'sql-ent'],
    ]);
    const onOther = await get('/api/itam/installations?assetId=SRV-L2').expect(200);
    expect(onOther.body.items.map((i: { productName: string; matchedProductId: string | null }) => [i.productName, i.matchedProductId])).toEqual([
      ['Microsoft SQL Server 2022 Enterprise (64-bit)', 'sql-ent'],
      ['Mozilla Firefox', null],
    ]);
    // Imports write behind the API's back: the next scheduled run (or a licence write) reconciles.
    await post('/api/itam/products/sql-ent/concurrent-peaks', { peak: 3, observedAt: '2026-11-30' }).expect(201);
    const position = await get('/api/itam/licences/positions/sql-ent').expect(200);
    // 1 × 6 cores, at least 4 per processor: 6 more core licences than the 32 owned.
    expect(position.body).toMatchObject({ status: 'under-licensed', required: 38, owned: 32, position: -6 });
    const other = position.body.explanation.consumers.find((c: { consumerId: string }) => c.consumerId === otherServerId);
    expect(other).toMatchObject({ demand: 6, basis: { processors: 1, coresPerProcessor: 6 } });

    // Each asset's licence status, the recorded and the recognised installation alike, in the
    // order asked; an unknown id is left out.
    const statuses = await get(`/api/itam/asset-licences?assetId=${otherServerId},nope,${serverId}`).expect(200);
    const sqlOnHost = { productId: 'sql-ent', name: 'SQL Server Enterprise 2022', publisher: 'Microsoft', status: 'under-licensed', position: -6, unit: 'core' };
    expect(statuses.body.items).toEqual([
      { assetId: otherServerId, status: 'under-licensed', products: [sqlOnHost] },
      { assetId: serverId, status: 'under-licensed', products: [sqlOnHost] },
    ]);
    expect((await get('/api/itam/asset-licences').expect(400)).body.error.message).toMatch(/assetId/);
    const tooMany = Array.from({ length: 201 }, (_, i) => `a${i}`).join(',');
    expect((await get(`/api/itam/asset-licences?assetId=${tooMany}`).expect(400)).body.error.message).toMatch(/assetId/);
  });

  it('deletes entitlements and installations, and assigns products to users', async () => {
    await post('/api/itam/products/sql-ent/assignments', { userRef: 'user:default/jane' }).expect(201);
    await post('/api/itam/products/sql-ent/assignments', { userRef: 'jane' }).expect(200);
    expect(await count('itam_user_assignments')).toBe(1);
    await api().delete('/api/itam/products/sql-ent/assignments?userRef=user:default/jane').set('authorization', asUser()).expect(204);
    await api().delete('/api/itam/products/sql-ent/assignments?userRef=user:default/jane').set('authorization', asUser()).expect(404);

    const temp = await post('/api/itam/entitlements', { productId: 'sql-ent', metric: 'per-core', quantity: 2 }).expect(201);
    expect((await get('/api/itam/entitlements?productId=sql-ent').expect(200)).body.items).toHaveLength(2);
    await api().delete(`/api/itam/entitlements/${temp.body.id}`).set('authorization', asUser()).expect(204);
    await api().delete(`/api/itam/entitlements/${temp.body.id}`).set('authorization', asUser()).expect(404);

    const [inst] = (await get(`/api/itam/installations?assetId=${serverId}`).expect(200)).body.items;
    await api().delete(`/api/itam/installations/${inst.id}`).set('authorization', asUser()).expect(204);
    await api().delete(`/api/itam/installations/${inst.id}`).set('authorization', asUser()).expect(404);
    await api().delete('/api/itam/installations/not-a-number').set('authorization', asUser()).expect(404);
    const position = await get('/api/itam/licences/positions/sql-ent').expect(200);
    expect(position.body).toMatchObject({ required: 6, owned: 32 });
  });
});
