import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EntityProvider, EntityProviderConnection } from '@backstage/plugin-catalog-node';
import type { DataClassification, ItamApi } from '@itam/common';
import { assetToResource, ITAM_PROVIDER_NAME } from './assetToResource';

const PAGE_SIZE = 500;

/**
 * Publishes the asset register into the catalogue as `Resource` entities, so assets appear in
 * the catalogue and its graph. Each run replaces the provider's whole set (a full mutation), so
 * assets that were disposed or lost their owner leave the catalogue.
 *
 * @public
 */
export class ItamAssetEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(
    private readonly api: () => Promise<Pick<ItamApi, 'listAssets'>>,
    private readonly logger: LoggerService,
    private readonly options: { maxDataClassification?: DataClassification } = {},
  ) {}

  getProviderName(): string {
    return ITAM_PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
  }

  /** Reads the register page by page and applies it as one full mutation. */
  async refresh(): Promise<number> {
    if (!this.connection) throw new Error('ItamAssetEntityProvider is not connected yet');
    const api = await this.api();
    const entities = [];
    let cursor: string | undefined;
    do {
      const page = await api.listAssets({ include: 'entityLinks', limit: PAGE_SIZE, cursor });
      for (const asset of page.items) {
        const entity = assetToResource(asset, this.options);
        if (entity) entities.push({ entity, locationKey: `${ITAM_PROVIDER_NAME}:register` });
      }
      cursor = page.nextCursor;
    } while (cursor);
    await this.connection.applyMutation({ type: 'full', entities });
    this.logger.info(`Published ${entities.length} ITAM assets as catalogue resources`);
    return entities.length;
  }
}
