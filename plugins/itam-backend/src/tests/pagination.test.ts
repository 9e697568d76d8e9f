import request from 'supertest';
import { asUser, itamBackendPerSuite, itamTestDatabases } from './testBackend';

const databases = itamTestDatabases();

/** Follows `nextCursor` from the first page to the last, collecting the items and page sizes. */
async function allPages(get: (url: string) => request.Test, url: string) {
  const items: unknown[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  do {
    const res = await get(`${url}${url.includes('?') ? '&' : '?'}${cursor ? `cursor=${encodeURIComponent(cursor)}` : ''}`).expect(200);
    items.push(...res.body.items);
    sizes.push(res.body.items.length);
    cursor = res.body.nextCursor;
  } while (cursor);
  return { items, sizes };
}

describe.each(databases.eachSupportedId())('paged lists on %s', databaseId => {
  const suite = itamBackendPerSuite(databases, databaseId);
  const get = (url: string) => request(suite.server).get(url).set('authorization', asUser());
  const post = (url: string, body: object) => request(suite.server).post(url).set('authorization', asUser()).send(body);
  let firstId: string;

  beforeAll(async () => {
    for (let i = 1; i <= 23; i++) {
      const tag = `PG-${String(i).padStart(3, '0')}`;
      const created = await post('/api/itam/assets', { tag, name: tag, assetClass: 'hardware', type: 'server' }).expect(201);
      if (i === 1) firstId = created.body.id;
      // Two roles for some assets: the list's order is tag then role.
      await post(`/api/itam/assets/${created.body.id}/entity-links`, { entityRef: 'component:default/payments-api', role: 'runs-on' }).expect(201);
      if (i % 5 === 0) {
        await post(`/api/itam/assets/${created.body.id}/entity-links`, { entityRef: 'component:default/payments-api', role: 'stores-data-of' }).expect(201);
      }
    }
    let version = 1;
    for (let n = 0; n < 12; n++) {
      const patched = await request(suite.server)
        .patch(`/api/itam/assets/${firstId}`)
        .set('authorization', asUser())
        .set('if-match', `"${version}"`)
        .send({ location: `Rack ${n}` })
        .expect(200);
      version = patched.body.version;
    }
    await post('/api/itam/products', { id: 'pg', publisher: 'PostgreSQL', name: 'PostgreSQL', underManagement: true, recognition: [{ namePattern: 'PostgreSQL 16' }] }).expect(201);
    const assets: { id: string; tag: string }[] = await suite.knex('itam_assets').select('id', 'tag').orderBy('tag');
    for (const [n, asset] of assets.entries()) {
      // Odd devices record the product; even ones carry only what discovery saw (as an import
      // leaves them), which the product's recognition rule matches.
      if (n % 2 === 0) await post('/api/itam/installations', { deviceId: asset.tag, productId: 'pg' }).expect(201);
      const discovered = (productName: string) => ({
        asset_id: asset.id,
        product_id: null,
        product_name: productName,
        source: 'glpi',
        imported_at: '2026-12-01T00:00:00.000Z',
      });
      if (n % 2 === 1) await suite.knex('itam_installations').insert(discovered('PostgreSQL 16'));
      await suite.knex('itam_installations').insert(discovered(`Other tool ${n + 1}`));
    }
  });

  it('pages an asset’s history oldest first, each event once', async () => {
    const { items, sizes } = await allPages(get, `/api/itam/assets/${firstId}/history?limit=5`);
    expect((items as { version: number }[]).map(e => e.version)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(sizes).toEqual([5, 5, 3]);
    expect((await get(`/api/itam/assets/${firstId}/history`).expect(200)).body.nextCursor).toBeUndefined();
  });

  it('pages an entity’s assets in tag then role order, the short list from one stored row', async () => {
    const whole = await get('/api/itam/entities/component/default/payments-api/assets').expect(200);
    expect(whole.body.items).toHaveLength(27);
    expect(whole.body.nextCursor).toBeUndefined();
    const { items, sizes } = await allPages(get, '/api/itam/entities/component/default/payments-api/assets?limit=10');
    expect(sizes).toEqual([10, 10, 7]);
    expect(items).toEqual(whole.body.items);
    const keys = (items as { asset: { tag: string }; role: string }[]).map(i => `${i.asset.tag}/${i.role}`);
    expect(new Set(keys).size).toBe(27);
  });

  it('pages installations in id order, with a product’s recognised ones found across batches', async () => {
    const all = await allPages(get, '/api/itam/installations?limit=7');
    expect(all.items).toHaveLength(46);
    const ids = (all.items as { id: string }[]).map(i => Number(i.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(46);

    const product = await allPages(get, '/api/itam/installations?productId=pg&limit=4');
    expect(product.items).toHaveLength(23);
    expect(product.sizes.slice(0, -1).every(n => n === 4)).toBe(true);
    expect((product.items as { matchedProductId: string }[]).every(i => i.matchedProductId === 'pg')).toBe(true);

    const device = await get('/api/itam/installations?assetId=PG-002').expect(200);
    expect(device.body.items.map((i: { productName: string }) => i.productName).sort()).toEqual(['Other tool 2', 'PostgreSQL 16']);
  });

  it('refuses a cursor it did not give and a limit out of range with 400 naming the parameter', async () => {
    for (const url of [
      `/api/itam/assets/${firstId}/history?cursor=bogus`,
      '/api/itam/entities/component/default/payments-api/assets?cursor=bogus',
      '/api/itam/installations?cursor=eyJ4IjoxfQ',
    ]) {
      const res = await get(url).expect(400);
      expect(res.body.error.message).toMatch(/cursor/);
    }
    const limit = await get('/api/itam/installations?limit=5000').expect(400);
    expect(limit.body.error.message).toMatch(/limit/);
  });
});
