import type { AuthService, BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { UnknownEntityError } from './errors';

/**
 * Checks that catalogue entity refs exist.
 *
 * @public
 */
export interface EntityRefChecker {
  /**
   * Checks `refs` as the caller whose `credentials` are given sees the catalogue (the plugin's
   * own view when none are given, e.g. for example data).
   *
   * @throws UnknownEntityError (422) naming the refs that do not exist and the field.
   */
  assertExist(refs: string[], field: string, credentials?: BackstageCredentials): Promise<void>;
  /** Which of `refs` the caller whose `credentials` are given can see in the catalogue. */
  visible?(refs: string[], credentials: BackstageCredentials): Promise<Set<string>>;
}

/**
 * Checks refs through the catalog service on behalf of the caller: an entity the caller may not
 * read in the catalogue counts as unknown, so the check reveals nothing the catalogue would not.
 */
export class CatalogEntityRefChecker implements EntityRefChecker {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async assertExist(refs: string[], field: string, credentials?: BackstageCredentials): Promise<void> {
    const unique = [...new Set(refs)];
    if (unique.length === 0) return;
    const found = await this.visible(unique, credentials ?? (await this.auth.getOwnServiceCredentials()));
    const missing = unique.filter(ref => !found.has(ref));
    if (missing.length > 0) throw new UnknownEntityError(missing, field);
  }

  async visible(refs: string[], credentials: BackstageCredentials): Promise<Set<string>> {
    const unique = [...new Set(refs)];
    const found = new Set<string>();
    // In slices: a wide change can reach thousands of entities.
    for (let i = 0; i < unique.length; i += 1000) {
      const slice = unique.slice(i, i + 1000);
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: slice, fields: ['kind', 'metadata.name', 'metadata.namespace'] },
        { credentials },
      );
      slice.forEach((ref, j) => {
        if (items[j]) found.add(ref);
      });
    }
    return found;
  }
}
