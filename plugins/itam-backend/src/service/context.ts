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
  private readonly clock: () => Date;

  constructor(private readonly options: RouterOptions) {
    this.store = options.store;
    this.auditor = options.auditor;
    this.entityRefs = options.entityRefs;
    this.logger = options.logger;
    this.clock = options.clock ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  now(): string {
    return this.clock().toISOString();
  }

  /** Authenticates the request and checks one permission; 401 or 403 otherwise. */
  async authorize(req: Request, permission: ItamPermission): Promise<BackstageCredentials> {
    const credentials = await this.options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
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
    const principal = credentials.principal as
      | { type: 'user'; userEntityRef: string }
      | { type: 'service'; subject: string };
    return principal.type === 'user' ? principal.userEntityRef : principal.subject;
  }

  async requireAsset(idOrTag: string): Promise<Asset> {
    const asset = await this.store.getAsset(idOrTag);
    if (!asset) throw new NotFoundError(`No asset with id or tag ${idOrTag}`);
    return asset;
  }
}
