import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { itamAssetPermissions, itamPermissions, ITAM_PLUGIN_ID } from '@itam/common';
import type { Permission } from '@backstage/plugin-permission-common';
import { AnalyticsService } from './analytics/AnalyticsService';
import { KnexAuditStore } from './audits/KnexAuditStore';
import { KnexAssetStore } from './database/KnexAssetStore';
import { KnexLicenceStore } from './licences/KnexLicenceStore';
import { itamAssetPermissionRules, itamAssetResourceRef } from './permissions/rules';
import { CatalogEntityRefChecker } from './service/entityRefs';
import { ServiceAccess } from './service/serviceAccess';
import { readRiskConfig } from './analytics/riskConfig';
import { createRouter } from './service/router';
import { MIN_RECONCILIATION_HEAP_MB, workerReconciliation } from './licences/reconciliationWorker';

/**
 * The ITAM backend plugin: the asset register as the system of record, served under
 * `/api/itam`.
 *
 * @public
 */
export const itamPlugin = createBackendPlugin({
  pluginId: ITAM_PLUGIN_ID,
  register(env) {
    env.registerInit({
      deps: {
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
        scheduler: coreServices.scheduler,
        config: coreServices.rootConfig,
        lifecycle: coreServices.lifecycle,
      },
      async init({
        database,
        httpRouter,
        httpAuth,
        auth,
        permissions,
        permissionsRegistry,
        auditor,
        logger,
        catalog,
        scheduler,
        config,
        lifecycle,
      }) {
        permissionsRegistry.addPermissions(itamPermissions.filter(p => p.type === 'basic') as Permission[]);
        const mmapMiB = config.getOptionalNumber('itam.database.sqliteMmapSizeMiB');
        if (mmapMiB !== undefined && !(mmapMiB >= 0)) {
          throw new Error(`itam.database.sqliteMmapSizeMiB must be 0 or more, got ${mmapMiB}`);
        }
        const store = await KnexAssetStore.create({
          database,
          ...(mmapMiB === undefined ? {} : { sqliteMmapSize: Math.round(mmapMiB * 1024 * 1024) }),
        });
        await store.refreshStatistics();
        // Assets are a resource type: policies may grant asset permissions on conditions (the
        // rules IS_OWNER, HAS_CLASSIFICATION, HAS_CLASS), which the routes apply in SQL to lists
        // and to each asset read or written; the permission backend loads assets by id here.
        permissionsRegistry.addResourceType({
          resourceRef: itamAssetResourceRef,
          permissions: itamAssetPermissions as Permission[],
          rules: Object.values(itamAssetPermissionRules),
          getResources: ids => Promise.all(ids.map(id => store.getAsset(id))),
        });
        const audits = KnexAuditStore.create(store.knex);
        const licences = KnexLicenceStore.create(store.knex);
        const risk = readRiskConfig(config);
        const workerHeapMb = config.getOptionalNumber('itam.licences.reconciliation.workerHeapMb');
        if (workerHeapMb !== undefined && !(workerHeapMb >= MIN_RECONCILIATION_HEAP_MB)) {
          throw new Error(`itam.licences.reconciliation.workerHeapMb must be ${MIN_RECONCILIATION_HEAP_MB} or more, got ${workerHeapMb}`);
        }
        const licenceReconciliation =
          config.getOptionalBoolean('itam.licences.reconciliation.worker') === false
            ? undefined
            : workerReconciliation(store.knex, { logger, ...(workerHeapMb !== undefined ? { heapMb: workerHeapMb } : {}) });
        const analytics = new AnalyticsService({
          store,
          audits,
          licences,
          catalog,
          auth,
          logger,
          risk,
          ...(licenceReconciliation ? { licenceReconciliation } : {}),
        });
        // Every transaction that writes assets refreshes their risk findings before it commits.
        store.setAssetWriteListener((trx, assetIds, written) => analytics.refreshAssetFindings(trx, assetIds, written));
        lifecycle.addShutdownHook(async () => {
          analytics.stop();
          await licenceReconciliation?.close();
        });
        // The scheduler's default scope is global: with several instances on one PostgreSQL the
        // task runs once per interval, on whichever instance takes the lock.
        const schedule = config.has('itam.analytics.schedule')
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(config.getConfig('itam.analytics.schedule'))
          : { frequency: { minutes: 60 }, timeout: { minutes: 30 }, initialDelay: { seconds: 30 } };
        await scheduler.scheduleTask({
          id: 'itam-recompute-analytics',
          ...schedule,
          fn: async () => {
            await analytics.recompute();
          },
        });
        httpRouter.use(
          await createRouter({
            store,
            database: store.knex,
            audits,
            analytics,
            licences,
            httpAuth,
            permissions,
            auditor,
            logger,
            entityRefs: new CatalogEntityRefChecker(catalog, auth),
            serviceAccess: ServiceAccess.fromConfig(config),
            assetRules: permissionsRegistry.getPermissionRuleset(itamAssetResourceRef),
            validateResponses: config.getOptionalBoolean('itam.api.validateResponses') ?? false,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
