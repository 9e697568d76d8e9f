import type { LicencePositionReport, RiskFinding } from '@itam/common';
import { LICENCE_POSITIONS_SNAPSHOT } from '../analytics/AnalyticsService';
import { KnexSnapshotStore } from '../analytics/SnapshotStore';
import { itamTestDatabases } from '../tests/testBackend';
import { seedExampleEstate } from '../tests/exampleEstate';
import { KnexLicenceStore } from './KnexLicenceStore';

const databases = itamTestDatabases();
const stamp = { actor: 'user:default/jane', at: '2026-11-30T10:00:00.000Z' };
const later = { actor: 'user:default/sam', at: '2026-11-30T11:00:00.000Z' };

describe.each(databases.eachSupportedId())('the licence store on %s', databaseId => {
  it('keeps products and entitlements with revisions, evidence, assignments and peaks', async () => {
    const knex = await databases.init(databaseId);
    const { store: assets } = await seedExampleEstate(knex, new Date(stamp.at));
    const srv = (await assets.getAsset('SRV-00002'))!;
    const store = KnexLicenceStore.create(knex);

    const product = { id: 'p1', publisher: 'Acme', name: 'Tool', underManagement: true, recognition: [{ namePattern: 'tool' }] };
    expect(await store.createProduct(product, stamp)).toEqual({ ...product, revision: 1, createdAt: stamp.at, updatedAt: stamp.at });
    await expect(store.createProduct(product, stamp)).rejects.toThrow(/already exists/);
    const updated = await store.updateProduct({ ...product, underManagement: false }, 1, later);
    expect(updated).toMatchObject({ underManagement: false, revision: 2, createdAt: stamp.at, updatedAt: later.at });
    await expect(store.updateProduct(product, 1, later)).rejects.toThrow(/revision 2, not 1/);
    await expect(store.updateProduct({ ...product, id: 'nope' }, 1, later)).rejects.toThrow(/No software product nope/);
    expect(await store.getProduct('p1')).toEqual(updated);

    const entitlement = { id: 'e1', productId: 'p1', metric: 'per-device' as const, quantity: 3, termEnd: '2027-01-31' };
    await store.createEntitlement(entitlement, stamp);
    await expect(store.updateEntitlement({ ...entitlement, quantity: 4 }, 2, later)).rejects.toThrow(/revision 1, not 2/);
    expect(await store.updateEntitlement({ ...entitlement, quantity: 4 }, 1, later)).toMatchObject({ quantity: 4, revision: 2 });
    expect((await store.listEntitlements({ productId: 'p1' })).map(e => e.id)).toEqual(['e1']);
    expect(await knex('itam_entitlements').where('id', 'e1').first('term_end', 'metric')).toEqual({ term_end: '2027-01-31', metric: 'per-device' });

    const never = await store.createInstallation({ assetId: srv.id, productId: 'p1', productName: 'Acme Tool', lastUsed: null }, stamp);
    const used = await store.createInstallation({ assetId: srv.id, productId: 'p1', productName: 'Acme Tool', lastUsed: '2026-10-01' }, stamp);
    const unmetered = await store.createInstallation({ assetId: srv.id, productId: 'p1', productName: 'Acme Tool' }, stamp);
    const mine = await store.listInstallations({ productId: 'p1' });
    expect(mine.map(i => [i.id, i.lastUsed])).toEqual([[never.id, null], [used.id, '2026-10-01'], [unmetered.id, undefined]]);
    // The example's GLPI installations are raw: no product id.
    expect((await store.listInstallations({ productId: null })).map(i => i.source)).toEqual(['glpi']);
    // The reconciliation's narrow read, a page at a time, holds what the full one holds.
    const all = await store.listInstallations();
    const evidence = [];
    for (let afterId: number | undefined; ; ) {
      const page = await store.readInstallationEvidence({ limit: 2, ...(afterId !== undefined ? { afterId } : {}) });
      evidence.push(...page);
      if (page.length < 2) break;
      afterId = page[page.length - 1].id;
    }
    expect(evidence).toEqual(
      all.map(({ installDate: _d, source: _s, recordedAt: _r, id, ...rest }) => ({ ...rest, id: Number(id) })),
    );
    expect(evidence.find(e => e.id === Number(never.id))?.lastUsed).toBeNull();
    expect(await store.deleteInstallation(never.id)).toBe(true);
    expect(await store.deleteInstallation(never.id)).toBe(false);

    expect(await store.addAssignment({ productId: 'p1', userRef: 'user:default/jane' }, stamp)).toBe(true);
    expect(await store.addAssignment({ productId: 'p1', userRef: 'user:default/jane' }, later)).toBe(false);
    expect(await store.listAssignments()).toEqual([{ productId: 'p1', userRef: 'user:default/jane' }]);
    expect(await store.removeAssignment({ productId: 'p1', userRef: 'user:default/jane' })).toBe(true);
    await store.addPeak({ productId: 'p1', peak: 7, observedAt: '2026-11-29' }, stamp);
    expect(await store.listPeaks()).toEqual([{ productId: 'p1', peak: 7, observedAt: '2026-11-29' }]);

    expect(await store.deleteEntitlement('e1')).toBe(true);
    expect(await store.getEntitlement('e1')).toBeUndefined();
  });
});

describe('the scheduled recompute', () => {
  it('writes the licence snapshot and feeds the shortfall and the expiring entitlement to the risk findings', async () => {
    const knex = await databases.init('SQLITE_3');
    const now = new Date('2026-12-01T06:00:00.000Z');
    const { store, analytics } = await seedExampleEstate(knex, now);
    const service = analytics();
    const result = await service.recompute();
    expect(result).toMatchObject({ licenceProducts: 2, computedAt: now.toISOString() });

    const snapshot = await KnexSnapshotStore.create(knex).get<LicencePositionReport>(LICENCE_POSITIONS_SNAPSHOT);
    expect(snapshot).toMatchObject({ computedAt: now.toISOString(), data: { asOf: '2026-12-01', summary: { reconciled: 2 } } });
    expect(snapshot!.data.summary.byStatus).toMatchObject({ compliant: 1, 'under-licensed': 1 });

    const srv = (await store.getAsset('SRV-00001'))!;
    const findings = (await service.riskFindings({}, { limit: 500 })).items;
    expect(findings.find((f: RiskFinding) => f.ruleId === 'licence-shortfall')).toMatchObject({
      subject: { kind: 'product', id: 'microsoft-sql-server-2022-enterprise' },
      relatedAssetIds: [srv.id],
    });
    expect(findings.find((f: RiskFinding) => f.ruleId === 'entitlement-expiring')).toMatchObject({
      subject: { kind: 'entitlement', id: 'RH-SUB-2026-0042' },
    });
    const kpis = await service.kpis({ from: '2026-09-02', to: '2026-12-01' });
    expect(kpis.kpis.find((k: { id: string }) => k.id === 'licence-compliance-rate')).toMatchObject({ value: 0.5 });
  });
});
