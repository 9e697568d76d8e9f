import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { UnknownEntityError } from './errors';

/**
 * Checks that catalogue entity refs exist.
 *
 * @public
 */
export interface EntityRefChecker {
  /** @throws UnknownEntityError (422) naming the refs that do not exist and the field. */
  assertExist(refs: string[], field: string): Promise<void>;
}

/**
 * Checks refs through the catalog service with the plugin's own credentials, so an entity the
 * caller may not read still counts as existing (visibility is the catalogue's concern).
 */
export class CatalogEntityRefChecker implements EntityRefChecker {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async assertExist(refs: string[], field: string): Promise<void> {
    const unique = [...new Set(refs)];
    if (unique.length === 0) return;
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: unique, fields: ['kind', 'metadata.name', 'metadata.namespace'] },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    const missing = unique.filter((_, i) => !items[i]);
    if (missing.length > 0) throw new UnknownEntityError(missing, field);
  }
}
