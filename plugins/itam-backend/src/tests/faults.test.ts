import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import knexFactory, { type Knex } from 'knex';
import request from 'supertest';
import { AnalyticsService } from '../analytics/AnalyticsService';
import { asUser, itamTestDatabases, startItamBackend } from './testBackend';
import { ThrowawayPostgres } from './throwawayPostgres';

/** Polls `check` every 200 ms until it holds, failing after `attempts` tries. */
async function eventually(what: string, check: () => Promise<boolean>, attempts = 300): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('PostgreSQL restarted under traffic', () => {
  let pg: ThrowawayPostgres;
  let knex: Knex;
  let backend: Awaited<ReturnType<typeof startItamBackend>>;

  beforeAll(async () => {
    pg = await ThrowawayPostgres.create();
    knex = knexFactory({ client: 'pg', connection: pg.connection });
    backend = await startItamBackend({ knex });
  }, 120_000);
  afterAll(async () => {
    await backend?.stop();
    await knex?.destroy();
    pg?.destroy();
  });

  it('answers 503 while the database is down and serves again once it is back, losing no acknowledged write', async () => {
    const api = () => request(backend.server);
    const acknowledged: string[] = [];
    let n = 0;
    /** One write and one read; returns their statuses. */
    const traffic = async () => {
      const tag = `FLT-${++n}`;
      const write = await api().post('/api/itam/assets').set('authorization', asUser()).send({ tag, name: 'under fault', assetClass: 'hardware', type: 'server' });
      if (write.status === 201) acknowledged.push(tag);
      const read = await api().get('/api/itam/assets?type=server&limit=500').set('authorization', asUser());
      return [write.status, read.status];
    };

    for (let i = 0; i < 20; i++) expect(await traffic()).toEqual([201, 200]);

    pg.stop('immediate');
    const duringOutage: number[] = [];
    for (let i = 0; i < 10; i++) duringOutage.push(...(await traffic()));
    expect(new Set(duringOutage)).toEqual(new Set([503]));

    pg.start();
    // The pool drops the dead connections and opens new ones: no backend restart.
    await eventually('the register to answer again', async () => (await traffic()).every(s => s < 500));
    for (let i = 0; i < 20; i++) expect(await traffic()).toEqual([201, 200]);

    const stored = await api().get('/api/itam/assets?type=server&limit=500').set('authorization', asUser()).expect(200);
    const tags = new Set(stored.body.items.map((a: { tag: string }) => a.tag));
    expect(acknowledged.filter(tag => !tags.has(tag))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
  }, 180_000);
});

const databases = itamTestDatabases();
const postgresIds = databases.eachSupportedId().filter(([id]) => id.startsWith('POSTGRES'));

describe('the scheduled analytics task with two backend instances on one PostgreSQL', () => {
  it('runs once per interval, on one instance', async () => {
    if (postgresIds.length === 0) {
      throw new Error('needs PostgreSQL: set BACKSTAGE_TEST_DATABASE_POSTGRES<N>_CONNECTION_STRING (npm test does)');
    }
    const first = await databases.init(postgresIds[0][0]);
    const second = knexFactory({ client: 'pg', connection: first.client.config.connection });
    const recompute = jest.spyOn(AnalyticsService.prototype, 'recompute');
    // Hourly, first run five seconds after start, when both instances are up: the shared task
    // lock lets one of them take it.
    const config = { itam: { analytics: { schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 }, initialDelay: { seconds: 5 } } } } };
    // The real scheduler (the test backend's own runs tasks locally), coordinating through the
    // database both instances share. Started one after the other: Backstage's scheduler creates
    // its own migration tables without a retry, and two first starts at the same moment on an
    // empty database race for them.
    const instances: Awaited<ReturnType<typeof startItamBackend>>[] = [];
    try {
      for (const knex of [first, second]) {
        instances.push(await startItamBackend({ knex, config, services: [schedulerServiceFactory] }));
      }
      await eventually('the first run', async () => recompute.mock.calls.length > 0);
      // Two more work checks of each instance's scheduler (every 5 s) pass without a second run.
      await new Promise(resolve => setTimeout(resolve, 11_000));
      expect(recompute).toHaveBeenCalledTimes(1);
    } finally {
      await Promise.all(instances.map(i => i.stop()));
      await second.destroy();
      recompute.mockRestore();
    }
  }, 120_000);
});
