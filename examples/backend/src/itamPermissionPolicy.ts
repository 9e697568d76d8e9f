// The example portal's permission policy: asset managers (members of group:default/it-ops, which
// the guest user belongs to) may do everything; other signed-in people (engineers) read the
// register except `restricted` assets of other teams, and edit their own team's assets.
import { coreServices, createBackendModule, type UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type { PermissionPolicy, PolicyQuery, PolicyQueryUser } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  createItamAssetConditionalDecision,
  itamAssetConditions,
} from '@itam/backstage-plugin-itam-backend';
import { itamAssetReadPermission, itamAssetUpdatePermission } from '@itam/common';

/** Groups whose members manage the register (and everything else in the example portal). */
export const ASSET_MANAGER_GROUPS = ['group:default/it-ops'];

/**
 * Asset managers: every permission. Engineers: `itam.asset.read` on assets that are not
 * `restricted` or that their team owns; `itam.asset.update` on their team's assets; no imports,
 * licence management, audits or asset creation. Other plugins' permissions are allowed, as the
 * allow-all policy did.
 */
export class ItamExamplePolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision> {
    const { permission } = request;
    if (!permission.name.startsWith('itam.')) return { result: AuthorizeResult.ALLOW };
    if (!user) return { result: AuthorizeResult.DENY };
    const { ownershipEntityRefs: claims } = await this.userInfo.getUserInfo(user.credentials);
    if (claims.some(ref => ASSET_MANAGER_GROUPS.includes(ref))) return { result: AuthorizeResult.ALLOW };
    if (permission.name === itamAssetReadPermission.name) {
      return createItamAssetConditionalDecision(itamAssetReadPermission, {
        anyOf: [
          { not: itamAssetConditions.hasClassification({ classifications: ['restricted'] }) },
          itamAssetConditions.isOwner({ claims }),
        ],
      });
    }
    if (permission.name === itamAssetUpdatePermission.name) {
      return createItamAssetConditionalDecision(itamAssetUpdatePermission, itamAssetConditions.isOwner({ claims }));
    }
    return { result: AuthorizeResult.DENY };
  }
}

/** Installs {@link ItamExamplePolicy} as the portal's permission policy. */
export const itamExamplePermissionPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'itam-example-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, userInfo: coreServices.userInfo },
      async init({ policy, userInfo }) {
        policy.setPolicy(new ItamExamplePolicy(userInfo));
      },
    });
  },
});
