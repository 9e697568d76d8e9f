import { KnexLicenceStore } from '../licences/KnexLicenceStore';
import { KnexLicencePositionStore } from '../licences/LicencePositionStore';
import { inThreadReconciliation, type LicenceReconciliationRunner } from '../licences/reconciliationWorker';
import { seedExampleEstate } from '../tests/exampleEstate';
import { itamTestDatabases } from '../tests/testBackend';

const databases = itamTestDatabases();
const NOW = new Date('2026-11-27T12:00:00.000Z');
const PAYMENTS = 'component:default/payments-api';

describe.each(databases.eachSupportedId())('the first evaluation of the risk findings on %s', databaseId => {
  it('answers "not yet" estate-wide while it runs, evaluates an entity\'s assets at once, and serves everything once done', async () => {
    const knex = await databases.init(databaseId);
    const { store, analytics } = await seedExampleEstate(knex, NOW);
    // A first evaluation that outlasts the read's wait: the reconciliation waits at a gate.
    let open!: () => void;
    const gate = new Promise<void>(resolve => {
      open = resolve;
    });
    const reconcile = inThreadReconciliation({
      licences: KnexLicenceStore.create(knex),
      register: store,
      positions: KnexLicencePositionStore.create(knex),
    });
    const gated: LicenceReconciliationRunner = async request => {
      await gate;
      return reconcile(request);
    };
    const service = analytics({ licenceReconciliation: gated, firstEvaluationWaitMs: 20 });

    await expect(service.riskFindingsPage({}, { limit: 50 })).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(/being evaluated for the first time \(licence positions are being reconciled\).*ask again/),
    });

    // The entity tab's read: its assets evaluated now, not after the estate.
    const linked: string[] = (await knex('itam_entity_links').where('entity_ref', PAYMENTS).distinct('asset_id')).map(
      (r: { asset_id: string }) => r.asset_id,
    );
    const payments = await service.riskFindings({ entityRef: PAYMENTS }, { limit: 500 });
    expect(payments.items.length).toBeGreaterThan(0);
    expect(payments.items.every(f => linked.includes(f.subject.id))).toBe(true);
    expect(payments.computedAt).toBe(NOW.toISOString());

    // The estate once the first evaluation is done: the entity's findings are among them.
    open();
    await service.recompute();
    const all = await service.riskFindings({}, { limit: 500 });
    expect(all.computedAt).toBe(NOW.toISOString());
    expect(all.counts.total).toBeGreaterThan(payments.counts.total);
    expect(all.items.map(f => f.key)).toEqual(expect.arrayContaining(payments.items.map(f => f.key)));
    const again = await service.riskFindings({ entityRef: PAYMENTS }, { limit: 500 });
    expect(again.items).toEqual(payments.items);
  });

  it('makes the reader wait for a first evaluation that finishes within the wait', async () => {
    const knex = await databases.init(databaseId);
    const { analytics } = await seedExampleEstate(knex, NOW);
    const service = analytics({ firstEvaluationWaitMs: 60_000 });
    const page = await service.riskFindings({}, { limit: 500 });
    expect(page.counts.total).toBeGreaterThan(0);
    expect(page.computedAt).toBe(NOW.toISOString());
  });
});
