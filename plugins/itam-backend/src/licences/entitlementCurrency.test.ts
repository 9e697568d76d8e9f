import request from 'supertest';
import { asUser, itamBackendPerSuite, itamTestDatabases } from '../tests/testBackend';

const databases = itamTestDatabases();

describe.each(databases.eachSupportedId())('one entitlement currency on %s', databaseId => {
  const suite = itamBackendPerSuite(databases, databaseId);
  const post = (url: string, body: object) => request(suite.server).post(url).set('authorization', asUser()).send(body);

  beforeAll(async () => {
    for (const id of ['office', 'visio']) {
      await post('/api/itam/products', { id, publisher: 'Microsoft', name: id, underManagement: true }).expect(201);
    }
  });

  it('lets exactly one of many concurrent writers in different currencies in', async () => {
    // Twenty writers at once, half in EUR and half in USD, on an estate with no prices yet.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post('/api/itam/entitlements', {
          id: `race-${i}`,
          productId: i % 2 ? 'office' : 'visio',
          metric: 'per-user',
          quantity: 10,
          unitCost: 12.5,
          currency: i % 2 ? 'EUR' : 'USD',
        }),
      ),
    );
    const created = answers.filter(a => a.status === 201);
    const refused = answers.filter(a => a.status === 422);
    expect(created.length + refused.length).toBe(20);
    const currencies = new Set(created.map(a => a.body.currency));
    expect(currencies.size).toBe(1);
    for (const a of refused) expect(a.body.error.message).toMatch(/^currency: entitlement race-\d+ is priced in/);

    const stored: { currency: string | null }[] = await suite.knex('itam_entitlements').select('currency');
    expect(new Set(stored.map(r => r.currency))).toEqual(currencies);
    // The positions still reconcile: no mixed-currency 400 behind the analytics routes.
    await request(suite.server).get('/api/itam/licences/positions').set('authorization', asUser()).expect(200);
  });

  it('refuses a change of an entitlement into another currency, and allows unpriced ones', async () => {
    const [row] = await suite.knex('itam_entitlements').select('currency').limit(1);
    const other = row.currency === 'EUR' ? 'USD' : 'EUR';
    const refused = await post('/api/itam/entitlements', {
      id: 'late',
      productId: 'office',
      metric: 'per-user',
      quantity: 1,
      unitCost: 1,
      currency: other,
    }).expect(422);
    expect(refused.body.error.message).toMatch(/currency/);
    await post('/api/itam/entitlements', { id: 'free', productId: 'office', metric: 'per-user', quantity: 1 }).expect(201);
  });
});
