import request from 'supertest';
import { asUser, itamBackendPerSuite, itamTestDatabases } from '../tests/testBackend';

const databases = itamTestDatabases();

describe.each(databases.eachSupportedId())('hardware model routes on %s', databaseId => {
  const suite = itamBackendPerSuite(databases, databaseId);
  const get = (url: string) => request(suite.server).get(url).set('authorization', asUser());

  beforeAll(async () => {
    // Snipe-IT's model file layout; 12 models so pages of 5 span three pages.
    const lines = ['Name,Category,Manufacturer,Model Number,EOL,Model Notes'];
    for (let i = 1; i <= 11; i++) lines.push(`Latitude ${String(i).padStart(2, '0')},Laptops,Dell,L${i},${i * 6},`);
    lines.push('MacBook Pro 14,Laptops,Apple,A2442,36,"Refresh after three years, 50% faster"');
    await request(suite.server)
      .post('/api/itam/imports?format=snipeit-csv')
      .set('authorization', asUser())
      .set('content-type', 'text/csv')
      .send(`${lines.join('\n')}\n`)
      .expect(200);
  });

  it('lists imported models by name, a page at a time, each exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await get(`/api/itam/hardware-models?limit=5${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      seen.push(...page.body.items.map((m: { name: string }) => m.name));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    expect(seen[0]).toBe('Latitude 01');
    expect(seen.at(-1)).toBe('MacBook Pro 14');
  });

  it('finds models by name, manufacturer or model number, and serves one by id', async () => {
    const byManufacturer = await get('/api/itam/hardware-models?q=apple').expect(200);
    expect(byManufacturer.body.items).toEqual([
      expect.objectContaining({ name: 'MacBook Pro 14', manufacturer: 'Apple', modelNumber: 'A2442', category: 'Laptops', eolMonths: 36 }),
    ]);
    expect(byManufacturer.body.nextCursor).toBeUndefined();
    const byNumber = await get('/api/itam/hardware-models?q=L11').expect(200);
    expect(byNumber.body.items.map((m: { name: string }) => m.name)).toEqual(['Latitude 11']);
    // LIKE wildcards are text: "%" matches nothing but itself.
    expect((await get('/api/itam/hardware-models?q=%25').expect(200)).body.items).toEqual([]);

    const one = await get(`/api/itam/hardware-models/${encodeURIComponent(byManufacturer.body.items[0].id)}`).expect(200);
    expect(one.body).toMatchObject({ name: 'MacBook Pro 14', notes: 'Refresh after three years, 50% faster', createdBy: 'user:default/jane' });
    await get('/api/itam/hardware-models/no-such-model').expect(404);
  });

  it('refuses a bad cursor or limit with a 400 naming the parameter', async () => {
    const cursor = await get('/api/itam/hardware-models?cursor=not-a-cursor').expect(400);
    expect(cursor.body.error.message).toMatch(/cursor/);
    const limit = await get('/api/itam/hardware-models?limit=0').expect(400);
    expect(limit.body.error.message).toMatch(/limit/);
  });
});
