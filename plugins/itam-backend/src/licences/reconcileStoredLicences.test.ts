import type { LoggerService } from '@backstage/backend-plugin-api';
import { listedPosition, productFullName, reconcileLicences, type LicenceMetric } from '@itam/common';
import knexFactory, { type Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnexAssetStore, migrateItamDatabase } from '../database/KnexAssetStore';
import { seedExampleData } from '../exampleData/seedExampleData';
import { itamTestDatabases } from '../tests/testBackend';
import { KnexLicenceStore } from './KnexLicenceStore';
import { KnexLicencePositionStore, type LicencePositionHeader } from './LicencePositionStore';
import { loadLicenceInput } from './licenceInput';
import { licenceRiskInputs } from './licenceRiskInputs';
import { reconcileStoredFamily, reconcileStoredLicences } from './reconcileStoredLicences';
import { inThreadReconciliation, workerConnectionConfig, workerReconciliation } from './reconciliationWorker';

const databases = itamTestDatabases();
const AT = '2026-12-01T09:00:00.000Z';
const AS_OF = AT.slice(0, 10);
const stamp = { actor: 'user:default/jane', at: AT };

/** A deterministic pseudo-random sequence, so a failure reproduces. */
function seeded(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s % n;
  };
}

const METRICS: LicenceMetric[] = ['per-device', 'per-core', 'per-processor', 'oracle-processor', 'per-user', 'concurrent'];

/**
 * The example estate (a raw GLPI installation the recognition rules give SQL Server, VMs on
 * hosts) and, on its devices, product families of one to three versions licensed in various
 * metrics, with allocated and expired rights, installations and assignments.
 */
async function seedEstate(databaseId: Parameters<typeof databases.init>[0] | Knex) {
  const knex = typeof databaseId === 'string' ? await databases.init(databaseId) : databaseId;
  await migrateItamDatabase(knex);
  const register = KnexAssetStore.fromKnex(knex);
  await seedExampleData(register, { now: () => new Date(AT) });
  const licences = KnexLicenceStore.create(knex);
  const devices = ((await knex('itam_assets').whereIn('asset_class', ['hardware', 'cloud']).select('id')) as { id: string }[]).map(r => r.id);
  const random = seeded(7);
  for (let f = 0; f < 12; f++) {
    const metric = METRICS[f % METRICS.length];
    const versions = 1 + random(3);
    for (let v = 0; v < versions; v++) {
      const productId = `family-${f}-v${v}`;
      await licences.createProduct(
        { id: productId, publisher: `Vendor ${f % 4}`, name: `Product ${f}`, version: String(2020 + v), underManagement: f % 5 !== 4 },
        stamp,
      );
      for (let e = 0; e < random(3); e++) {
        const allocated = random(4) === 0 ? { allocations: { deviceIds: [devices[random(devices.length)]] } } : {};
        await licences.createEntitlement(
          {
            id: `${productId}-e${e}`,
            productId,
            metric,
            quantity: 1 + random(12),
            unitCost: 100 + random(900),
            currency: 'EUR',
            downgradeRights: random(2) === 0,
            ...(random(5) === 0 ? { termEnd: '2026-06-30' } : {}),
            ...allocated,
          },
          stamp,
        );
      }
      for (let i = 0; i < random(40); i++) {
        await licences.createInstallation(
          { assetId: devices[random(devices.length)], productId, productName: `Product ${f}`, ...(random(3) === 0 ? { lastUsed: '2026-01-15' } : {}) },
          stamp,
        );
      }
      if (metric === 'per-user') await licences.addAssignment({ productId, userRef: `user:default/u${random(5)}` }, stamp);
      if (metric === 'concurrent') await licences.addPeak({ productId, peak: random(20), observedAt: '2026-11-20' }, stamp);
    }
  }
  return { knex, register, licences };
}

describe.each(databases.eachSupportedId())('the licence reconciliation from the database on %s', databaseId => {
  it('stores, a part at a time, the report one reconciliation of the whole loaded estate gives', async () => {
    const { knex, register, licences } = await seedEstate(databaseId);
    const whole = reconcileLicences(await loadLicenceInput(licences, register), { asOf: AS_OF });
    const positions = KnexLicencePositionStore.create(knex);

    for (const installationsPerPart of [1, 30, 1_000_000]) {
      const run = await reconcileStoredLicences({ licences, register, positions, asOf: AS_OF, computedAt: AT, installationsPerPart });
      const view = positions.runView(run.runId, AT, run.header);
      const { products, ...header } = whole;
      expect(run.header).toEqual(header);
      expect(await view.products()).toEqual(products.map(listedPosition));
      expect(run.products).toBe(products.length);
      // Each under-licensed product with the devices whose demand was not met, each device named once.
      const underLicensed = products.filter(p => p.status === 'under-licensed');
      const byProduct = <T extends { productId: string }>(list: T[]) => list.sort((a, b) => (a.productId < b.productId ? -1 : 1));
      expect(byProduct(licenceRiskInputs(run.shortfalls, new Map(), []).licenceShortfalls)).toEqual(
        byProduct(underLicensed.map(p => ({
          productId: p.productId,
          productName: productFullName(p),
          shortfall: p.lines.reduce((n, l) => n + l.shortfall, 0),
          deviceAssetIds: [
            ...new Set(p.explanation.consumers.filter(c => c.shortfall > 0 && c.consumerKind === 'device').flatMap(c => c.deviceIds ?? [c.consumerId])),
          ].sort(),
        }))),
      );
      expect(new Set(run.shortfalls.deviceIds).size).toBe(run.shortfalls.deviceIds.length);
      await positions.dropRuns({ runId: run.runId });
    }
    // The estate exercises what a part must carry along: a recognised raw installation, several
    // parts, shortfalls and more than one status.
    expect(whole.products.find(p => p.productId === 'microsoft-sql-server-2022-enterprise')).toMatchObject({ status: 'under-licensed' });
    expect(new Set(whole.products.map(p => p.status)).size).toBeGreaterThan(2);
    expect(Number((await knex('itam_licence_positions').count({ n: '*' }))[0].n)).toBe(0);
    await knex.destroy();
  });

  it('gives each product, from its family alone, the position with harvest candidates and explanation the whole reconciliation gives', async () => {
    const { knex, register, licences } = await seedEstate(databaseId);
    const whole = reconcileLicences(await loadLicenceInput(licences, register), { asOf: AS_OF });
    for (const product of whole.products) {
      expect(await reconcileStoredFamily({ licences, register, asOf: AS_OF, productId: product.productId })).toEqual(product);
    }
    // The estate's families share devices and include a recognised raw installation, VMs on hosts
    // and explained consumers, so a family reconciled alone must carry all of those along.
    expect(whole.products.some(p => p.explanation.consumers.length > 0 && p.harvestCandidates.length > 0)).toBe(true);
    expect(await reconcileStoredFamily({ licences, register, asOf: AS_OF, productId: 'no-such-product' })).toBeUndefined();
    await knex.destroy();
  });

  it('publishes a run only at the generation it started from, never over a later one, then drops the runs well before it but never the current one', async () => {
    const { knex, register, licences } = await seedEstate(databaseId);
    const positions = KnexLicencePositionStore.create(knex);
    const reconcile = (computedAt: string) =>
      reconcileStoredLicences({ licences, register, positions, asOf: AS_OF, computedAt, installationsPerPart: 30 });
    const count = (run: { runId: string; header: LicencePositionHeader }, at: string) =>
      positions.runView(run.runId, at, run.header).products().then(list => list.length);

    const first = await reconcile(AT);
    expect(await positions.publishIfCurrent(await positions.generation(), AT, first.runId, first.header)).toBe(true);
    expect((await positions.current())!.header).toEqual(first.header);
    expect(await (await positions.current())!.products()).toHaveLength(first.products);

    // A licence write lands while the second run reconciles: it is not published, yet still
    // answers the request that made it.
    const generation = await positions.generation();
    const second = await reconcile('2026-12-01T10:00:00.000Z');
    await positions.invalidate();
    expect(await positions.publishIfCurrent(generation, '2026-12-01T10:00:00.000Z', second.runId, second.header)).toBe(false);
    expect(await positions.current()).toBeUndefined();
    expect(await count(second, '2026-12-01T10:00:00.000Z')).toBe(second.products);

    const third = await reconcile('2026-12-01T11:00:00.000Z');
    expect(await positions.publishIfCurrent(await positions.generation(), '2026-12-01T11:00:00.000Z', third.runId, third.header)).toBe(true);
    expect(await count(first, AT)).toBe(0);
    expect(await count(second, '2026-12-01T10:00:00.000Z')).toBe(0);
    // A run that started before the published one (another replica's, slower) finishes later: it
    // is not published over the newer one, and its rows stay a while for whoever reads them.
    const slower = await reconcile('2026-12-01T10:55:00.000Z');
    expect(await positions.publishIfCurrent(await positions.generation(), '2026-12-01T10:55:00.000Z', slower.runId, slower.header)).toBe(false);
    expect((await positions.current())!.computedAt).toBe('2026-12-01T11:00:00.000Z');
    expect(await count(slower, '2026-12-01T10:55:00.000Z')).toBe(slower.products);
    await positions.dropRuns({ computedBefore: '2027-01-01T00:00:00.000Z' });
    expect(await count(slower, '2026-12-01T10:55:00.000Z')).toBe(0);
    expect(await (await positions.current())!.products()).toHaveLength(third.products);
    await knex.destroy();
  });
});

describe.each(databases.eachSupportedId())('the licence reconciliation in a worker thread on %s', databaseId => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

  /** The estate in a database a worker can open too (on SQLite, a file rather than memory). */
  async function sharedEstate() {
    if (databaseId !== 'SQLITE_3') return seedEstate(databaseId);
    const dir = mkdtempSync(join(tmpdir(), 'itam-worker-'));
    dirs.push(dir);
    return seedEstate(knexFactory({ client: 'better-sqlite3', connection: { filename: join(dir, 'itam.sqlite') }, useNullAsDefault: true }));
  }

  const logger = () => ({ warn: jest.fn() }) as unknown as LoggerService & { warn: jest.Mock };

  it('gives the run the main thread gives, without falling back', async () => {
    const { knex, register, licences } = await sharedEstate();
    const positions = KnexLicencePositionStore.create(knex);
    expect(workerConnectionConfig(knex)).toBeDefined();
    const log = logger();
    const runner = workerReconciliation(knex, { logger: log, installationsPerPart: 30 });
    const inWorker = await runner({ asOf: AS_OF, computedAt: AT });
    await runner.close();
    expect(log.warn).not.toHaveBeenCalled();
    const onThread = await inThreadReconciliation({ licences, register, positions }, 30)({ asOf: AS_OF, computedAt: AT });
    expect(inWorker.runId).not.toBe(onThread.runId);
    expect(inWorker.header).toEqual(onThread.header);
    expect({ ...inWorker, runId: '' }).toEqual({ ...onThread, runId: '' });
    const products = (run: typeof inWorker) => positions.runView(run.runId, AT, run.header).products();
    expect(await products(inWorker)).toEqual(await products(onThread));
    await knex.destroy();
  });

  it('keeps its worker for the runs that follow, and starts another once it went idle or was closed', async () => {
    const { knex, register, licences } = await sharedEstate();
    const positions = KnexLicencePositionStore.create(knex);
    const log = logger();
    const runner = workerReconciliation(knex, { logger: log, idleMs: 200 });
    const expected = await inThreadReconciliation({ licences, register, positions })({ asOf: AS_OF, computedAt: AT });
    const same = (run: typeof expected) => expect({ ...run, runId: '' }).toEqual({ ...expected, runId: '' });
    // Two at once take their turn in one worker; the next comes after it went idle; the last after close.
    const [a, b] = await Promise.all([runner({ asOf: AS_OF, computedAt: AT }), runner({ asOf: AS_OF, computedAt: AT })]);
    same(a);
    same(b);
    expect(a.runId).not.toBe(b.runId);
    await new Promise(resolve => setTimeout(resolve, 400));
    same(await runner({ asOf: AS_OF, computedAt: AT }));
    await runner.close();
    same(await runner({ asOf: AS_OF, computedAt: AT }));
    await runner.close();
    expect(log.warn).not.toHaveBeenCalled();
    await knex.destroy();
  });

  it('reconciles on the main thread, with a warning, when the worker fails', async () => {
    const { knex } = await sharedEstate();
    const log = logger();
    const broken = { logger: log, execArgv: ['--require', join(tmpdir(), 'no-such-loader.cjs')] };
    const runner = workerReconciliation(knex, broken);
    const run = await runner({ asOf: AS_OF, computedAt: AT });
    await runner.close();
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/could not run in a worker thread.*no-such-loader/s));
    expect(run.products).toBeGreaterThan(0);
    await knex.destroy();
  });

  it('reports a reconciliation the data makes fail without running it again', async () => {
    const { knex } = await sharedEstate();
    // Written past the store, which refuses a second currency: the reconciliation refuses it too.
    const [priced] = await knex('itam_entitlements').where('currency', 'EUR').orderBy('id').limit(1);
    await knex('itam_entitlements')
      .where('id', priced.id)
      .update({ currency: 'USD', data: JSON.stringify({ ...JSON.parse(priced.data), currency: 'USD' }) });
    const log = logger();
    const runner = workerReconciliation(knex, { logger: log });
    await expect(runner({ asOf: AS_OF, computedAt: AT })).rejects.toThrow(/mixed currencies/);
    await runner.close();
    expect(log.warn).not.toHaveBeenCalled();
    await knex.destroy();
  });
});

describe('workerConnectionConfig', () => {
  it('refuses an SQLite database in memory, which exists only on its own connection', async () => {
    const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    expect(workerConnectionConfig(knex)).toBeUndefined();
    await knex.destroy();
  });
});
