import { mockServices } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { AnalyticsService } from '../analytics/AnalyticsService';
import { KnexAuditStore } from '../audits/KnexAuditStore';
import { KnexAssetStore, migrateItamDatabase } from '../database/KnexAssetStore';
import { seedExampleData } from '../exampleData/seedExampleData';
import type { LicenceStore } from '../licences/LicenceStore';
import type { LicenceReconciliationRunner } from '../licences/reconciliationWorker';

/**
 * Migrates a test database and seeds the example estate as of `now`. `analytics()` builds an
 * analytics service over it (each call a new instance, as another backend instance would be),
 * with an empty catalogue and `now` as its clock (and the licence store given, if one is).
 */
export async function seedExampleEstate(knex: Knex, now: Date) {
  await migrateItamDatabase(knex);
  const store = KnexAssetStore.fromKnex(knex);
  await seedExampleData(store, { now: () => now });
  const analytics = (
    overrides: {
      licences?: LicenceStore;
      reconcileAfterWrites?: { delayMs: number } | false;
      licenceReconciliation?: LicenceReconciliationRunner;
      firstEvaluationWaitMs?: number;
    } = {},
  ) => {
    const service = new AnalyticsService({
      store,
      audits: KnexAuditStore.create(knex),
      catalog: { getEntities: async () => ({ items: [] }) } as never,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      clock: () => now,
      // Tests read the positions when they mean to; no reconciliation runs behind them.
      reconcileAfterWrites: false,
      ...overrides,
    });
    // As the plugin wires it: asset writes refresh their findings through the latest service.
    store.setAssetWriteListener((trx, assetIds, written) => service.refreshAssetFindings(trx, assetIds, written));
    return service;
  };
  return { store, analytics };
}
