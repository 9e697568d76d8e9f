import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { itamPermissions, ITAM_PLUGIN_ID } from '@itam/common';
import type { Permission } from '@backstage/plugin-permission-common';
import { KnexAuditStore } from './audits/KnexAuditStore';
import { KnexAssetStore } from './database/KnexAssetStore';
import { CatalogEntityRefChecker } from './service/entityRefs';
import { createRouter } from './service/router';

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
      },
      async init({ database, httpRouter, httpAuth, auth, permissions, permissionsRegistry, auditor, logger, catalog }) {
        permissionsRegistry.addPermissions(itamPermissions as Permission[]);
        const store = await KnexAssetStore.create({ database });
        await store.refreshStatistics();
        httpRouter.use(
          await createRouter({
            store,
            audits: new KnexAuditStore(store.knex),
            httpAuth,
            permissions,
            auditor,
            logger,
            entityRefs: new CatalogEntityRefChecker(catalog, auth),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
