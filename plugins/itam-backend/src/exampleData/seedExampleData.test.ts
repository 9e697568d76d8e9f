import { replayHistory, validate, newAssetSchema } from '@itam/common';
import { KnexAssetStore, migrateItamDatabase } from '../database/KnexAssetStore';
import { itamTestDatabases } from '../tests/testBackend';
import { EXAMPLE_ASSETS } from './exampleAssets';
import { seedExampleData } from './seedExampleData';
import { KnexLicenceStore } from '../licences/KnexLicenceStore';
import { computeLicencePositions } from '../licences/licenceInput';
import { KnexAuditStore } from '../audits/KnexAuditStore';

const databases = itamTestDatabases();

describe('example data', () => {
  it('is valid domain input', () => {
    for (const example of EXAMPLE_ASSETS) {
      expect({ tag: example.asset.tag, ...validate(newAssetSchema, example.asset) }).toMatchObject({ ok: true });
    }
  });

  it('loads into an empty register once, with links and a replayable history', async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateItamDatabase(knex);
    const store = KnexAssetStore.fromKnex(knex);
    expect(await seedExampleData(store)).toBe(EXAMPLE_ASSETS.length);
    expect(await seedExampleData(store)).toBe(0);
    const entityAssets = await store.getEntityAssets('component:default/payments-api');
    expect(entityAssets.map(e => e.asset.tag).sort()).toEqual(['SAAS-00030', 'SRV-00001', 'SRV-00002', 'VM-00010']);
    const db = (await store.getAsset('SRV-00001'))!;
    expect(await store.listTicketLinks(db.id)).toHaveLength(3);
    expect(replayHistory(await store.getHistory(db.id))).toEqual(db);
  });

  it('has a closed hardware audit with every kind of finding', async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateItamDatabase(knex);
    await seedExampleData(KnexAssetStore.fromKnex(knex), { now: () => new Date('2026-12-01T09:00:00Z') });
    const [campaign] = await KnexAuditStore.create(knex).listCampaigns();
    expect(campaign).toMatchObject({ status: 'closed', closedAt: '2026-11-21T09:00:00.000Z' });
    expect(campaign.result!.counts).toMatchObject({ 'not-found': 1, unexpected: 1 });
    expect(campaign.result!.counts.verified).toBeGreaterThan(3);
    expect(campaign.result!.counts['location-mismatch'] + campaign.result!.counts.verified).toBe(
      campaign.result!.inScope - 1,
    );
    expect(campaign.result!.accuracy).toBeGreaterThan(0);
  });

  it('has software with a shortfall, a compliant product and an entitlement ending within 90 days', async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateItamDatabase(knex);
    const store = KnexAssetStore.fromKnex(knex);
    await seedExampleData(store, { now: () => new Date('2026-12-01T09:00:00Z') });
    const licences = KnexLicenceStore.create(knex);
    const report = await computeLicencePositions(licences, store, '2026-12-01');
    const sql = report.products.find(p => p.productId === 'microsoft-sql-server-2022-enterprise')!;
    // The raw GLPI installation is recognised; 2 × 16 cores need 32 core licences, 16 are owned.
    expect(sql).toMatchObject({ status: 'under-licensed', required: 32, owned: 16, position: -16 });
    expect(sql.trueUp).toEqual({ cost: 16 * 7200, currency: 'EUR', complete: true });
    const rhel = report.products.find(p => p.productId === 'redhat-enterprise-linux-9')!;
    expect(rhel).toMatchObject({ status: 'compliant', required: 2, owned: 2 });
    const ending = (await licences.listEntitlements()).filter(e => e.termEnd && e.termEnd <= '2027-03-01');
    expect(ending.map(e => [e.id, e.termEnd])).toEqual([['RH-SUB-2026-0042', '2027-01-30']]);
  });
});
