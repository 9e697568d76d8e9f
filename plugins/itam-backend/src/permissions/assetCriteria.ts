import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import { isAndCriteria, isNotCriteria, isOrCriteria } from '@backstage/plugin-permission-node';
import type { Knex } from 'knex';
import type { AssetCriterion } from './rules';

/**
 * Adds a policy's conditions, as criteria on `itam_assets` columns, to a query's WHERE clause
 * (`alias` is the table's alias), so a conditional read pages through exactly the assets the
 * policy allows instead of filtering pages after reading them.
 *
 * A criterion is `column IS NOT NULL AND column IN (...)`, so its negation keeps rows where the
 * column is missing, as the rule's in-memory `apply` does (an asset without owner is not owned
 * by the caller).
 */
export function whereAssetCriteria(
  builder: Knex.QueryBuilder,
  criteria: PermissionCriteria<AssetCriterion>,
  alias = 'a',
): Knex.QueryBuilder {
  if (isAndCriteria(criteria)) {
    return builder.where(b => {
      for (const c of criteria.allOf) b.andWhere(inner => whereAssetCriteria(inner, c, alias));
    });
  }
  if (isOrCriteria(criteria)) {
    return builder.where(b => {
      for (const c of criteria.anyOf) b.orWhere(inner => whereAssetCriteria(inner, c, alias));
    });
  }
  if (isNotCriteria(criteria)) {
    return builder.whereNot(b => whereAssetCriteria(b, criteria.not, alias));
  }
  const column = `${alias}.${criteria.column}`;
  return builder.where(b => b.whereNotNull(column).whereIn(column, criteria.values));
}
