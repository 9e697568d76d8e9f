import type {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Asset, ItamPermission } from '@itam/common';
import type { Request } from 'express';
import type { Knex } from 'knex';
import type { AnalyticsService } from '../analytics/AnalyticsService';
import type { AuditStore } from '../audits/AuditStore';
import type { AssetStore } from '../database/AssetStore';
import type { LicenceStore } from '../licences/LicenceStore';
import type { EntityRefChecker } from './entityRefs';
import { ServiceAccess, type JiraCaller } from './serviceAccess';

/**
 * What the route handlers share: the store, the Backstage services they call, a clock and an
 * id source (both injectable so tests are deterministic).
 */
export interface RouterOptions {
  store: AssetStore;
  /** The plugin's database: imports write assets, history and installations on it in one transaction. */
  database: Knex;
  audits: AuditStore;
  analytics: AnalyticsService;
  licences: LicenceStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  entityRefs: EntityRefChecker;
  /** What service callers may do (`itam.serviceAccess`); by default every service caller is refused. */
  serviceAccess?: ServiceAccess;
  clock?: () => Date;
  newId?: () => string;
}

/** Helpers every handler uses: permission checks, the acting principal, time. */
export class RouteContext {
  readonly store: AssetStore;
  readonly auditor: AuditorService;
  readonly entityRefs: EntityRefChecker;
  readonly logger: LoggerService;
  readonly newId: () => string;
  readonly serviceAccess: ServiceAccess;
  private readonly clock: () => Date;

  constructor(private readonly options: RouterOptions) {
    this.store = options.store;
    this.auditor = options.auditor;
    this.entityRefs = options.entityRefs;
    this.logger = options.logger;
    this.clock = options.clock ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.serviceAccess = options.serviceAccess ?? new ServiceAccess();
  }

  now(): string {
    return this.clock().toISOString();
  }

  /** Authenticates the request and checks one permission; 401 or 403 otherwise. */
  async authorize(req: Request, permission: ItamPermission): Promise<BackstageCredentials> {
    const credentials = await this.options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    this.serviceAccess.assertAllowed(credentials, permission);
    const [decision] = await this.options.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
    return credentials;
  }

  /** The entity ref (users) or subject (services) recorded as the actor of a change. */
  actor(credentials: BackstageCredentials): string {
    const jira = this.serviceAccess.jiraCaller(credentials);
    if (jira) return jira.actor;
    const principal = credentials.principal as
      | { type: 'user'; userEntityRef: string }
      | { type: 'service'; subject: string };
    return principal.type === 'user' ? principal.userEntityRef : principal.subject;
  }

  /** The Jira site caller behind the credentials (Forge invocation or site-bound token), if any. */
  jiraCaller(credentials: BackstageCredentials): JiraCaller | undefined {
    return this.serviceAccess.jiraCaller(credentials);
  }

  /**
   * A Jira caller may touch only its own site's ticket links: refuses (403) a site named in a
   * path, query or body that is not the caller's. Other callers may name any site.
   */
  assertSiteAllowed(credentials: BackstageCredentials, site: string): void {
    const jira = this.jiraCaller(credentials);
    if (jira && jira.site !== site) {
      throw new NotAllowedError(`This Jira caller acts for ${jira.site}, not ${site}`);
    }
  }

  async requireAsset(idOrTag: string): Promise<Asset> {
    const asset = await this.store.getAsset(idOrTag);
    if (!asset) throw new NotFoundError(`No asset with id or tag ${idOrTag}`);
    return asset;
  }
}
