import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { KnexAssetStore, migrateItamDatabase } from '../database/KnexAssetStore';
import { seedExampleData } from './seedExampleData';

/**
 * Loads an example estate into an empty ITAM register at start-up, for demos and the example
 * portal. Do not install it in production.
 *
 * @public
 */
export const itamExampleDataModule = createBackendModule({
  pluginId: 'itam',
  moduleId: 'example-data',
  register(env) {
    env.registerInit({
      deps: {
        database: coreServices.database,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
      },
      async init({ database, lifecycle, logger }) {
        // Runs after every plugin has initialised, so the plugin's migrations have run.
        lifecycle.addStartupHook(async () => {
          const knex = await database.getClient();
          if (database.migrations?.skip) {
            logger.info('ITAM example data not loaded: migrations are skipped');
            return;
          }
          await migrateItamDatabase(knex);
          const created = await seedExampleData(KnexAssetStore.fromKnex(knex));
          logger.info(
            created > 0
              ? `Loaded ${created} example assets into the ITAM register`
              : 'ITAM register not empty; example data not loaded',
          );
        });
      },
    });
  },
});
