import { mockCredentials } from '@backstage/backend-test-utils';
import type { Server } from 'node:http';
import request from 'supertest';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { assessChangeImpact, buildImpactGraph, type ImpactGraphData } from '@itam/common';
import type { KnexAssetStore } from '../database/KnexAssetStore';
import { catalogToImpactData } from './impactGraph';
import { asUser, itamTestDatabases, startItamBackend, testCatalog } from '../tests/testBackend';
import { seedExampleEstate } from '../tests/exampleEstate';

const databases = itamTestDatabases();
const NOW = new Date('2026-11-27T12:00:00.000Z');

describe.each(databases.eachSupportedId())('analytics on %s', databaseId => {
  let server: Server;
  let stop: () => Promise<void>;
  let store: KnexAssetStore;

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    ({ store } = await seedExampleEstate(knex, NOW));
    const backend = await startItamBackend({ knex });
    server = backend.server;
    stop = () => backend.stop();
  });
  afterAll(() => stop());

  const get = (url: string) => request(server).get(url).set('authorization', asUser());

  it('serves risk findings with explanations, filterable by asset', async () => {
    const res = await get('/api/itam/risks').expect(200);
    const rules = new Set(res.body.items.map((f: { ruleId: string }) => f.ruleId));
    // The example estate has an app host past end of life and a retired server with
    // confidential data and no sanitisation record.
    expect([...rules]).toEqual(expect.arrayContaining(['end-of-life', 'retired-not-sanitised']));
    const host = (await store.getAsset('SRV-00002'))!;
    const forHost = await get(`/api/itam/risks?assetId=${host.id}`).expect(200);
    expect(forHost.body.items.length).toBeGreaterThan(0);
    for (const f of forHost.body.items) {
      expect(f.subject).toMatchObject({ kind: 'asset', id: host.id });
      expect(f.explanation).toEqual(expect.any(String));
      expect(f.suggestedAction).toEqual(expect.any(String));
    }
  });

  it('pages the findings, filters them by severity, rule, entity and asset, and counts them per severity and rule', async () => {
    const all = await get('/api/itam/risks?limit=500').expect(200);
    const total = all.body.counts.total as number;
    expect(all.body.items).toHaveLength(total);
    expect(all.body.nextCursor).toBeUndefined();
    // A page at a time, following the cursor, gives the same list.
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await get(`/api/itam/risks?limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      expect(page.body.counts.total).toBe(total);
      paged.push(...page.body.items.map((f: { key: string }) => f.key));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.body.items.map((f: { key: string }) => f.key));

    const high = await get('/api/itam/risks?severity=critical,high&limit=500').expect(200);
    expect(high.body.items.every((f: { severity: string }) => ['critical', 'high'].includes(f.severity))).toBe(true);
    expect(high.body.counts.total).toBe(all.body.counts.bySeverity.critical + all.body.counts.bySeverity.high);
    const eol = await get('/api/itam/risks?ruleId=end-of-life').expect(200);
    expect(eol.body.items.map((f: { assetTag: string }) => f.assetTag)).toContain('SRV-00002');
    expect(eol.body.counts.total).toBe(all.body.counts.byRule['end-of-life']);

    const payments = await get('/api/itam/risks?entityRef=component:default/payments-api&limit=500').expect(200);
    const linked = new Set(['SAAS-00030', 'SRV-00001', 'SRV-00002', 'VM-00010']);
    expect(payments.body.items.length).toBeGreaterThan(0);
    expect(payments.body.items.every((f: { assetTag: string }) => linked.has(f.assetTag))).toBe(true);
    // Counted from the whole first page, or in the database when the page is not the whole list.
    expect(payments.body.counts.total).toBe(payments.body.items.length);
    const firstOfPayments = await get('/api/itam/risks?entityRef=component:default/payments-api&limit=1').expect(200);
    expect(firstOfPayments.body.counts).toEqual(payments.body.counts);
    const paymentsBySeverity = new Map<string, number>();
    for (const f of payments.body.items as { severity: string }[]) paymentsBySeverity.set(f.severity, (paymentsBySeverity.get(f.severity) ?? 0) + 1);
    expect(Object.entries(payments.body.counts.bySeverity).filter(([, n]) => n)).toEqual(
      expect.arrayContaining([...paymentsBySeverity]),
    );

    const bad = await get('/api/itam/risks?severity=severe').expect(400);
    expect(bad.body.error.message).toMatch(/severity/);
    expect((await get('/api/itam/risks?cursor=nonsense').expect(400)).body.error.message).toMatch(/cursor/);
  });

  it("refreshes an asset's findings in the write that changes it", async () => {
    const host = (await store.getAsset('SRV-00002'))!;
    const before = await get(`/api/itam/risks?assetId=${host.id}&ruleId=end-of-life`).expect(200);
    expect(before.body.items).toHaveLength(1);
    await request(server)
      .patch(`/api/itam/assets/${host.id}`)
      .set('authorization', asUser())
      .set('if-match', `"${host.version}"`)
      .send({ endOfLife: '2031-12-31' })
      .expect(200);
    const after = await get(`/api/itam/risks?assetId=${host.id}&ruleId=end-of-life`).expect(200);
    expect(after.body.items).toHaveLength(0);
    expect(after.body.counts.byRule['end-of-life']).toBe(before.body.counts.byRule['end-of-life'] - 1);
  });

  it('serves the KPIs of a window, each with its definition', async () => {
    const res = await get('/api/itam/kpis?from=2026-01-01&to=2026-11-30').expect(200);
    expect(res.body).toMatchObject({ window: { from: '2026-01-01', to: '2026-11-30' }, currency: 'EUR' });
    expect(res.body.kpis).toHaveLength(7);
    for (const kpi of res.body.kpis) {
      expect(kpi).toEqual(expect.objectContaining({ id: expect.any(String), definition: expect.any(String) }));
    }
    await get('/api/itam/kpis?from=2026-13-01').expect(400);
    await get('/api/itam/kpis?from=2026-05-01&to=2026-01-01').expect(400);
  });

  it('serves the maturity level with what the next level needs', async () => {
    const res = await get('/api/itam/maturity').expect(200);
    expect(res.body.level).toBeGreaterThanOrEqual(1);
    expect(res.body.level).toBeLessThanOrEqual(5);
  });

  it('assesses a change by tag and explains its score', async () => {
    const res = await request(server)
      .post('/api/itam/impact')
      .set('authorization', asUser())
      .send({
        assets: ['SRV-00001', 'NOPE-1'],
        entityRefs: [],
        window: { start: '2026-12-01T22:00:00Z', end: '2026-12-01T23:00:00Z' },
      })
      .expect(200);
    expect(res.body.notFound.assetIds).toEqual(['NOPE-1']);
    const refs = res.body.affectedEntities.map((e: { ref: string }) => e.ref);
    expect(refs).toEqual(expect.arrayContaining(['component:default/payments-api']));
    expect(res.body.risk.reasons.length).toBeGreaterThan(0);
    expect(res.body.window).toEqual({ start: '2026-12-01T22:00:00Z', end: '2026-12-01T23:00:00Z' });
    await request(server)
      .post('/api/itam/impact')
      .set('authorization', asUser())
      .send({ assets: [], window: { start: '2026-12-01T22:00:00Z', end: '2026-12-01T23:00:00Z' } })
      .expect(400);
  });

  it('assesses a change given no window over the next 24 hours', async () => {
    const before = Date.now();
    const res = await request(server).post('/api/itam/impact').set('authorization', asUser()).send({ assets: ['SRV-00001'] }).expect(200);
    const [start, end] = [Date.parse(res.body.window.start), Date.parse(res.body.window.end)];
    expect(start).toBeGreaterThanOrEqual(before - 1000);
    expect(start).toBeLessThanOrEqual(Date.now());
    expect(end - start).toBe(24 * 60 * 60 * 1000);
    expect(res.body.affectedAssets.map((a: { tag: string }) => a.tag)).toContain('SRV-00001');
    const backwards = await request(server)
      .post('/api/itam/impact')
      .set('authorization', asUser())
      .send({ assets: ['SRV-00001'], window: { start: '2026-12-02T00:00:00Z', end: '2026-12-01T00:00:00Z' } })
      .expect(400);
    expect(backwards.body.error.message).toMatch(/window\.end/);
  });

  it('answers impact from what the query reaches exactly as from the graph of the whole estate', async () => {
    const assets = (await store.listAssets({ limit: 500 })).items;
    const whole = buildImpactGraph({
      assets,
      assetLinks: (await store.listAllAssetLinks()).map(l => ({ assetId: l.sourceAssetId, type: l.type, targetAssetId: l.targetAssetId })),
      entityLinks: (await store.listAllEntityLinks()) as ImpactGraphData['entityLinks'],
      openIncidents: (await store.listAllTicketLinks())
        .filter(t => t.ticketType === 'incident' && !t.resolved)
        .map(t => ({ assetId: t.assetId, issueKey: t.issueKey })),
      ...catalogToImpactData(testCatalog),
    });
    const window = { start: '2026-12-01T22:00:00Z', end: '2026-12-01T23:00:00Z' };
    const queries = [
      ...assets.map(a => ({ assets: [a.id], entityRefs: [] as string[] })),
      ...testCatalog.map(e => ({ assets: [] as string[], entityRefs: [stringifyEntityRef(e)] })),
    ];
    expect(queries.length).toBeGreaterThan(5);
    for (const maxDepth of [0, 1, 5]) {
      for (const q of queries) {
        const res = await request(server)
          .post('/api/itam/impact')
          .set('authorization', asUser())
          .send({ ...q, window, options: { maxDepth } })
          .expect(200);
        const expected = assessChangeImpact(whole, { assetIds: q.assets, entityRefs: q.entityRefs, window }, { maxDepth });
        expect(res.body).toEqual(JSON.parse(JSON.stringify({ ...expected, window })));
      }
    }
  });
});

describe('the scheduled analytics task', () => {
  it('recomputes the risk findings into rows that every instance reads', async () => {
    const knex = await databases.init('SQLITE_3');
    const { analytics: service } = await seedExampleEstate(knex, NOW);
    const result = await service().recompute();
    expect(result).toEqual({ riskFindings: expect.any(Number), licenceProducts: expect.any(Number), computedAt: NOW.toISOString() });
    expect(result.riskFindings).toBeGreaterThan(0);
    // Another instance reads the same rows without recomputing.
    const page = await service().riskFindings({}, { limit: 500 });
    expect(page.computedAt).toBe(NOW.toISOString());
    expect(page.items).toHaveLength(result.riskFindings);
    expect(page.counts.total).toBe(result.riskFindings);
  });
});

describe('the settings the pages and panels judge dates and tiers by', () => {
  it('serves the notice windows and critical tier of itam.risk, the same the risk findings use', async () => {
    const knex = await databases.init('SQLITE_3');
    await seedExampleEstate(knex, NOW);
    const configured = await startItamBackend({
      knex,
      config: { itam: { risk: { criticalTierMax: 3, warranty: { warnWithinDays: 30 }, endOfLife: { warnWithinDays: 365 } } } },
    });
    try {
      const res = await request(configured.server).get('/api/itam/settings').set('authorization', asUser()).expect(200);
      expect(res.body).toEqual({ noticeWindows: { warrantyDays: 30, endOfLifeDays: 365, endOfSupportDays: 90 }, criticalTierMax: 3 });
      await request(configured.server).get('/api/itam/settings').set('authorization', mockCredentials.none.header()).expect(401);
    } finally {
      await configured.stop();
    }
  });

  it('refuses to start with a risk configuration it cannot use, naming the key', async () => {
    const knex = await databases.init('SQLITE_3');
    await expect(startItamBackend({ knex, config: { itam: { risk: { endOfLife: { warnWithinDays: -5 } } } } })).rejects.toThrow(
      /itam\.risk\.endOfLife\.warnWithinDays/,
    );
  });
});

describe('the estate behind the KPIs and maturity', () => {
  it('is counted in the database for the KPIs, never streamed, and a write is seen by the next request', async () => {
    const knex = await databases.init('SQLITE_3');
    const { store, analytics } = await seedExampleEstate(knex, NOW);
    const service = analytics();
    await service.licencePositions();
    const reads = jest.spyOn(store, 'streamAssets');
    const months = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
    const reports = await Promise.all(months.map(m => service.kpis({ from: `${m}-01`, to: `${m}-28` })));
    expect(reads).not.toHaveBeenCalled();
    expect(reports).toHaveLength(months.length);

    const before = await service.kpis({ from: '2026-11-01', to: '2026-11-30' });
    const held = (await store.listAssets({ lifecycleStage: 'in-stock', limit: 1 })).items[0];
    expect(held).toBeDefined();
    await knex('itam_assets').where('id', held.id).delete();
    const after = await service.kpis({ from: '2026-11-01', to: '2026-11-30' });
    const managed = (r: typeof before) => r.kpis.find(k => k.id === 'asset-utilisation-rate')!.denominator;
    expect(managed(after)).toBe(managed(before)! - 1);
    expect(reads).not.toHaveBeenCalled();
  });

  it('is counted in the database for maturity too, and a write is seen by the next assessment', async () => {
    const knex = await databases.init('SQLITE_3');
    const { store, analytics } = await seedExampleEstate(knex, NOW);
    const service = analytics();
    await service.licencePositions();
    const reads = jest.spyOn(store, 'streamAssets');
    const before = await service.maturity('2026-12-01');
    expect(reads).not.toHaveBeenCalled();
    expect(before.level).toBeGreaterThanOrEqual(1);
    const owners = (m: typeof before) => m.criteria.find(c => c.criterion === 'owner-coverage')!;
    const owned = (await store.listAssets({ lifecycleStage: 'deployed', limit: 1 })).items[0];
    await knex('itam_assets').where('id', owned.id).delete();
    const after = await service.maturity('2026-12-01');
    expect(owners(after).denominator).toBe(owners(before).denominator - 1);
    expect(reads).not.toHaveBeenCalled();
  });
});
