import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { DATA_CLASSIFICATIONS, ItamClient, ITAM_PLUGIN_ID, type DataClassification } from '@itam/common';
import { ItamAssetEntityProvider } from './ItamAssetEntityProvider';

/**
 * Catalog backend module that publishes ITAM register assets as `Resource` entities.
 * It reads the ITAM API with the catalog's own service credentials; the refresh frequency is
 * `itam.catalog.frequency` (a HumanDuration, default 30 minutes), and only assets classified up
 * to `itam.catalog.maxDataClassification` (default `internal`) are published.
 *
 * @public
 */
export const catalogModuleItamAssets = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'itam-assets',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ catalog, discovery, auth, scheduler, config, logger }) {
        const client = new ItamClient({
          baseUrl: () => discovery.getBaseUrl(ITAM_PLUGIN_ID),
          fetch: (url, init) => fetch(url, init),
          headers: async () => {
            const { token } = await auth.getPluginRequestToken({
              onBehalfOf: await auth.getOwnServiceCredentials(),
              targetPluginId: ITAM_PLUGIN_ID,
            });
            return { authorization: `Bearer ${token}` };
          },
        });
        const maxDataClassification = config.getOptionalString('itam.catalog.maxDataClassification') ?? 'internal';
        if (!(DATA_CLASSIFICATIONS as readonly string[]).includes(maxDataClassification)) {
          throw new Error(
            `itam.catalog.maxDataClassification must be one of ${DATA_CLASSIFICATIONS.join(', ')}, got ${maxDataClassification}`,
          );
        }
        const provider = new ItamAssetEntityProvider(async () => client, logger, {
          maxDataClassification: maxDataClassification as DataClassification,
        });
        catalog.addEntityProvider(provider);
        const frequency = config.has('itam.catalog.frequency')
          ? (config.get('itam.catalog.frequency') as { minutes?: number })
          : { minutes: 30 };
        await scheduler.scheduleTask({
          id: 'itam-asset-entity-provider',
          frequency,
          timeout: { minutes: 10 },
          initialDelay: { seconds: 15 },
          fn: async () => {
            await provider.refresh();
          },
        });
      },
    });
  },
});
