import { ItamClient } from '@itam/common';
import type { AddressInfo } from 'node:net';
import { KnexAssetStore, migrateItamDatabase } from '../database/KnexAssetStore';
import { seedExampleData } from '../exampleData/seedExampleData';
import { asUser, itamTestDatabases, startItamBackend } from './testBackend';

const databases = itamTestDatabases();

/** The typed client's analytics and licence calls against the example estate. */
describe('ItamClient analytics and licence calls', () => {
  let client: ItamClient;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateItamDatabase(knex);
    await seedExampleData(KnexAssetStore.fromKnex(knex));
    const backend = await startItamBackend({ knex });
    stop = () => backend.stop();
    const { port } = backend.server.address() as AddressInfo;
    client = new ItamClient({
      baseUrl: `http://localhost:${port}/api/itam`,
      fetch: (url, init) => fetch(url, init),
      headers: () => ({ authorization: asUser() }),
    });
  });
  afterAll(() => stop());

  it('reads licence positions: the SQL Server shortfall, explained', async () => {
    expect((await client.listProducts()).map(p => p.id)).toContain('microsoft-sql-server-2022-enterprise');
    const all = await client.getLicencePositions();
    const sql = all.products.find(p => p.productId === 'microsoft-sql-server-2022-enterprise')!;
    expect(sql.status).toBe('under-licensed');
    expect(sql).not.toHaveProperty('explanation');
    const one = await client.getLicencePosition('microsoft-sql-server-2022-enterprise');
    expect(one.status).toBe('under-licensed');
    expect(one.explanation).toBeDefined();
    expect((await client.listEntitlements({ productId: 'microsoft-sql-server-2022-enterprise' })).length).toBeGreaterThan(0);
    expect((await client.listInstallations({ productId: 'microsoft-sql-server-2022-enterprise' })).length).toBeGreaterThan(0);
  });

  it('lists an entity’s assets with each one’s licence status, as GET /asset-licences gives it', async () => {
    const plain = await client.getEntityAssets('component:default/payments-api');
    expect(plain.every(item => item.licences === undefined)).toBe(true);
    const listed = await client.getEntityAssets('component:default/payments-api', { withLicences: true });
    expect(listed.map(item => item.asset.id)).toEqual(plain.map(item => item.asset.id));
    const statuses = new Map((await client.getAssetLicences(listed.map(item => item.asset.id))).map(s => [s.assetId, s]));
    for (const item of listed) {
      const { assetId: _assetId, ...licences } = statuses.get(item.asset.id)!;
      expect(item.licences).toEqual(licences);
    }
    expect(listed.find(item => item.asset.tag === 'SRV-00001')?.licences?.status).toBe('under-licensed');
  });

  it('reads risk findings, KPIs, maturity and an impact assessment', async () => {
    const risks = await client.getRiskFindings();
    expect(risks.items.map(f => f.ruleId)).toEqual(expect.arrayContaining(['licence-shortfall']));
    const kpis = await client.getKpis({ from: '2026-01-01', to: '2026-12-31' });
    expect(kpis.kpis).toHaveLength(7);
    expect((await client.getMaturity()).level).toBeGreaterThanOrEqual(1);
    const impact = await client.assessImpact({
      assets: ['SRV-00001'],
      window: { start: '2026-12-01T22:00:00Z', end: '2026-12-01T23:00:00Z' },
    });
    expect(impact.risk.reasons.length).toBeGreaterThan(0);
  });
});
