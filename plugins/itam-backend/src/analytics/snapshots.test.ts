import { itamTestDatabases } from '../tests/testBackend';
import { seedExampleEstate } from '../tests/exampleEstate';
import { KnexLicenceStore } from '../licences/KnexLicenceStore';
import type { LicenceStore } from '../licences/LicenceStore';
import { LICENCE_POSITIONS_SNAPSHOT } from './AnalyticsService';
import { KnexSnapshotStore } from './SnapshotStore';
import { KnexLicencePositionStore, type LicencePositionsView } from '../licences/LicencePositionStore';

const databases = itamTestDatabases();
const now = new Date('2026-12-01T10:00:00.000Z');
const stamp = { actor: 'user:default/sam', at: now.toISOString() };

describe.each(databases.eachSupportedId())('analytics snapshots on %s', databaseId => {
  it('stores a snapshot only at the generation it was computed from', async () => {
    const knex = await databases.init(databaseId);
    await seedExampleEstate(knex, now);
    const snapshots = KnexSnapshotStore.create(knex);
    const first = await snapshots.generation('k');
    expect(await snapshots.putIfCurrent('k', first, stamp.at, { n: 1 })).toBe(true);
    expect(await snapshots.get('k')).toMatchObject({ data: { n: 1 } });
    await snapshots.invalidate('k');
    await snapshots.invalidate('k');
    expect(await snapshots.get('k')).toBeUndefined();
    expect(await snapshots.generation('k')).toBe(first + 2);
    expect(await snapshots.putIfCurrent('k', first, stamp.at, { n: 2 })).toBe(false);
    expect(await snapshots.get('k')).toBeUndefined();
    expect(await snapshots.putIfCurrent('k', first + 2, stamp.at, { n: 3 })).toBe(true);
    expect(await snapshots.get('k')).toMatchObject({ data: { n: 3 } });
  });

  it('shares one reconciliation between concurrent reads, stores it a product per row, and never stores one a licence write overtook', async () => {
    const knex = await databases.init(databaseId);
    const { analytics } = await seedExampleEstate(knex, now);
    const real = KnexLicenceStore.create(knex);
    // Each reconciliation reads the products, then waits at its own gate: a slow one.
    const opens: (() => void)[] = [];
    const gates = [0, 1].map(() => new Promise<void>(resolve => opens.push(resolve)));
    let reconciliations = 0;
    const licences: LicenceStore = Object.create(real, {
      listProducts: {
        value: async () => {
          const gate = gates[reconciliations++];
          const products = await real.listProducts();
          await gate;
          return products;
        },
      },
    });
    const service = analytics({ licences });
    const snapshots = KnexSnapshotStore.create(knex);
    await service.invalidateLicencePositions();

    const [a, b] = [service.licencePositions(), service.licencePositions()];
    await new Promise(resolve => setTimeout(resolve, 50));
    // A licence write lands while they run: a new product, and the positions invalidated.
    await real.createProduct({ id: 'late-product', publisher: 'Acme', name: 'Late', underManagement: true, recognition: [{ namePattern: 'late' }] }, stamp);
    await service.invalidateLicencePositions();
    const c = service.licencePositions();
    // The later run finishes first, then the stale one: it must not store over the later one.
    opens[1]();
    const rc = await c;
    opens[0]();
    const [ra, rb] = await Promise.all([a, b]);

    // The two reads before the write shared one run; the read after it ran its own.
    expect(reconciliations).toBe(2);
    expect(ra).toBe(rb);
    const ids = async (view: LicencePositionsView) => (await view.products()).map(p => p.productId);
    expect(await ids(rc)).toContain('late-product');
    // The reads the write overtook are answered with what the later run published since, not
    // with their own stale result.
    expect(ra.computedAt).toBe(rc.computedAt);
    expect(await ids(ra)).toEqual(await ids(rc));
    // The stale run did not store its result over the write; the later one did, header and rows.
    expect(await snapshots.get(LICENCE_POSITIONS_SNAPSHOT)).toMatchObject({ computedAt: rc.computedAt });
    const stored = await KnexLicencePositionStore.create(knex).current();
    expect(stored?.computedAt).toBe(rc.computedAt);
    expect(await ids(stored!)).toEqual(await ids(rc));
    expect(await stored!.products()).toEqual(await rc.products());
    expect(await stored!.product('late-product')).toEqual(await rc.product('late-product'));
    expect(await stored!.compliance()).toEqual(await rc.compliance());

    // Once stored, a read is the stored snapshot: no reconciliation.
    await service.licencePositions();
    expect(reconciliations).toBe(2);
  });

  it('reconciles once in the background after a burst of licence writes, so the next read finds the positions stored', async () => {
    const knex = await databases.init(databaseId);
    const { analytics } = await seedExampleEstate(knex, now);
    const real = KnexLicenceStore.create(knex);
    let reconciliations = 0;
    const licences: LicenceStore = Object.create(real, {
      listProducts: {
        value: async () => {
          reconciliations++;
          return real.listProducts();
        },
      },
    });
    const service = analytics({ licences, reconcileAfterWrites: { delayMs: 50 } });
    const stored = KnexLicencePositionStore.create(knex);
    for (let i = 0; i < 3; i++) await service.invalidateLicencePositions();
    expect(await stored.current()).toBeUndefined();
    for (let waited = 0; !(await stored.current()) && waited < 5000; waited += 20) {
      await new Promise(resolve => setTimeout(resolve, 20));
    }
    expect(await stored.current()).toBeDefined();
    expect(reconciliations).toBe(1);
    // A read now is the stored result: no second reconciliation.
    await service.licencePositions();
    expect(reconciliations).toBe(1);
    // Once stopped (the backend shutting down), a write schedules nothing.
    service.stop();
    await service.invalidateLicencePositions();
    await new Promise(resolve => setTimeout(resolve, 150));
    expect(reconciliations).toBe(1);
    expect(await stored.current()).toBeUndefined();
  });
});
