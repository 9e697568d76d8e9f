import type { BackstageCredentials, PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult, type PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
  type PermissionRuleset,
} from '@backstage/plugin-permission-node';
import type { Asset, ItamAssetPermission } from '@itam/common';
import { itamAssetPermissionRules, type AssetCriterion } from './rules';

/**
 * What a caller may do with assets under one permission: every asset (`criteria` undefined), or
 * the assets matching the policy's conditions — as criteria for SQL (lists) and as a predicate
 * for an asset in hand (single reads and writes).
 */
export interface AssetAccess {
  credentials: BackstageCredentials;
  permission: ItamAssetPermission;
  criteria?: PermissionCriteria<AssetCriterion>;
  allows(asset: Asset): boolean;
}

/** The ruleset of the plugin's own rules, for routers built without the permissions registry. */
export const defaultAssetRuleset: PermissionRuleset<Asset, AssetCriterion> = {
  getRuleByName(name) {
    const rule = Object.values(itamAssetPermissionRules).find(r => r.name === name);
    if (!rule) throw new Error(`Unknown itam-asset permission rule ${name}`);
    return rule as never;
  },
};

/**
 * Asks the permission policy about an asset permission with `authorizeConditional`, so a policy
 * can answer with conditions (e.g. "engineers edit their team's assets"); DENY is a 403.
 */
export async function authorizeAssetAccess(
  permissions: PermissionsService,
  ruleset: PermissionRuleset<Asset, AssetCriterion>,
  credentials: BackstageCredentials,
  permission: ItamAssetPermission,
): Promise<AssetAccess> {
  const [decision] = await permissions.authorizeConditional([{ permission }], { credentials });
  if (decision.result === AuthorizeResult.ALLOW) return { credentials, permission, allows: () => true };
  if (decision.result === AuthorizeResult.CONDITIONAL) {
    const authorize = createConditionAuthorizer(ruleset);
    return {
      credentials,
      permission,
      criteria: createConditionTransformer(ruleset)(decision.conditions),
      allows: asset => authorize(decision, asset),
    };
  }
  throw new NotAllowedError(`Not allowed: ${permission.name}`);
}
