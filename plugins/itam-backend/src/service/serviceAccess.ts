import type { BackstageCredentials, BackstageServicePrincipal } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';
import {
  itamAssetReadPermission,
  itamPermissions,
  itamTicketLinkPermission,
  jiraSiteSchema,
  type ItamPermission,
} from '@itam/common';
import { parseForgeSubject } from '../jira/jiraPrincipal';

/**
 * What a Jira caller may ever do, however it is configured: read the register and link tickets.
 * Imports, asset creation and changes, licences and audits stay with people in Backstage.
 *
 * @public
 */
export const JIRA_PERMISSION_CEILING: readonly string[] = [
  itamAssetReadPermission.name,
  itamTicketLinkPermission.name,
];

/** One entry of `itam.serviceAccess`: what a service caller (by subject) may do. */
export interface ServiceAccessRule {
  permissions: string[];
  /** Binds the caller to one Jira site: its ticket routes act on this site's links only. */
  jiraSite?: string;
}

/**
 * A service caller that acts for a Jira site: a Forge invocation (site and user from the token)
 * or a static token bound to one site in config.
 *
 * @public
 */
export interface JiraCaller {
  site: string;
  /** What history and links record as the actor: the Jira user where one acted. */
  actor: string;
  via: 'forge-invocation-token' | 'static-token';
  permissions: string[];
}

const KNOWN = new Set(itamPermissions.map(p => p.name));

/**
 * Least privilege for service callers (static tokens, Forge invocations, other plugins): a
 * service principal may use only the permissions configured for it, under `itam.serviceAccess`
 * by subject, or as explicit `permission` names in its `accessRestrictions` (which Backstage's
 * permissions service enforces for service principals; it never consults the policy for them).
 * Any other service caller is refused. A Jira caller never exceeds {@link JIRA_PERMISSION_CEILING}.
 *
 * @public
 */
export class ServiceAccess {
  /** Reads `itam.serviceAccess`; throws naming the key of a bad entry. */
  static fromConfig(config: Config): ServiceAccess {
    const root = config.getOptionalConfig('itam.serviceAccess');
    const rules = new Map<string, ServiceAccessRule>();
    for (const subject of root?.keys() ?? []) {
      const entry = root!.getConfig(subject);
      const key = `itam.serviceAccess.${subject}`;
      const permissions = entry.getStringArray('permissions');
      for (const name of permissions) {
        if (!KNOWN.has(name)) {
          throw new Error(`${key}.permissions: unknown permission '${name}', expected one of ${[...KNOWN].join(', ')}`);
        }
      }
      const rawSite = entry.getOptionalString('jiraSite');
      let jiraSite: string | undefined;
      if (rawSite !== undefined) {
        const site = jiraSiteSchema.safeParse(rawSite);
        if (!site.success) throw new Error(`${key}.jiraSite: must be a Jira site host such as acme.atlassian.net`);
        jiraSite = site.data;
        const beyond = permissions.filter(p => !JIRA_PERMISSION_CEILING.includes(p));
        if (beyond.length > 0) {
          throw new Error(`${key}.permissions: a Jira caller may only have ${JIRA_PERMISSION_CEILING.join(', ')}, not ${beyond.join(', ')}`);
        }
      }
      rules.set(subject, { permissions, ...(jiraSite ? { jiraSite } : {}) });
    }
    return new ServiceAccess(rules);
  }

  constructor(private readonly rules: ReadonlyMap<string, ServiceAccessRule> = new Map()) {}

  /** Throws NotAllowedError unless a service principal may use the permission; users pass. */
  assertAllowed(credentials: BackstageCredentials, permission: ItamPermission): void {
    const principal = servicePrincipal(credentials);
    if (!principal) return;
    const allowed = this.permissionsOf(principal);
    if (allowed === undefined) {
      throw new NotAllowedError(
        `Service caller ${principal.subject} is not configured for the ITAM API (itam.serviceAccess, or accessRestrictions with permissions)`,
      );
    }
    if (!allowed.includes(permission.name)) {
      throw new NotAllowedError(`Service caller ${principal.subject} may not ${permission.name}`);
    }
  }

  /** The Jira caller behind the credentials, if they are one. */
  jiraCaller(credentials: BackstageCredentials): JiraCaller | undefined {
    const principal = servicePrincipal(credentials);
    if (!principal) return undefined;
    const forge = parseForgeSubject(principal.subject);
    const permissions = this.permissionsOf(principal) ?? [];
    if (forge) {
      return { site: forge.site, actor: `jira:${forge.site}/${forge.accountId}`, via: 'forge-invocation-token', permissions };
    }
    const site = this.rules.get(principal.subject)?.jiraSite;
    return site ? { site, actor: principal.subject, via: 'static-token', permissions } : undefined;
  }

  private permissionsOf(principal: BackstageServicePrincipal): string[] | undefined {
    const restricted = principal.accessRestrictions?.permissionNames;
    const rule = this.rules.get(principal.subject);
    let allowed: string[] | undefined;
    if (parseForgeSubject(principal.subject)) allowed = [...JIRA_PERMISSION_CEILING];
    else if (rule) allowed = rule.permissions;
    else if (restricted) allowed = [...restricted];
    if (allowed && restricted) allowed = allowed.filter(p => restricted.includes(p));
    return allowed;
  }
}

function servicePrincipal(credentials: BackstageCredentials): BackstageServicePrincipal | undefined {
  const principal = credentials.principal as { type?: string };
  return principal.type === 'service' ? (principal as BackstageServicePrincipal) : undefined;
}
