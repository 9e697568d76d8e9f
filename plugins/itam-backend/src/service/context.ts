import type {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PermissionRuleset } from '@backstage/plugin-permission-node';
import { itamAssetReadPermission as itamAssetReadPermissionRef, type Asset, type ItamAssetPermission, type ItamPermission } from '@itam/common';
import type { Request } from 'express';
import type { Knex } from 'knex';
import type { AnalyticsService } from '../analytics/AnalyticsService';
import type { AuditStore } from '../audits/AuditStore';
import type { AssetStore } from '../database/AssetStore';
import type { LicenceStore } from '../licences/LicenceStore';
import { authorizeAssetAccess, defaultAssetRuleset, type AssetAccess } from '../permissions/assetAccess';
import type { AssetCriterion } from '../permissions/rules';
import type { EntityRefChecker } from './entityRefs';
import { ServiceAccess, type JiraCaller } from './serviceAccess';

/**
 * What the route handlers share: the store, the Backstage services they call, a clock and an
 * id source (both injectable so tests are deterministic).
 */
export interface RouterOptions {
  store: AssetStore;
  /** The plugin's database: imports write assets, history and installations on it (see imports/importAssets.ts). */
  database: Knex;
  audits: AuditStore;
  analytics: AnalyticsService;
  licences: LicenceStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  entityRefs: EntityRefChecker;
  /** The `itam-asset` rules as registered (other modules may add some); the plugin's own by default. */
  assetRules?: PermissionRuleset<Asset, AssetCriterion>;
  /** What service callers may do (`itam.serviceAccess`); by default every service caller is refused. */
  serviceAccess?: ServiceAccess;
  clock?: () => Date;
  newId?: () => string;
  /**
   * Whether every JSON response is checked against the OpenAPI document (`itam.api.validateResponses`):
   * a response the document does not describe answers 500 naming the mismatch. For development
   * and the tests, where it keeps the document and the routes from drifting apart; it costs a
   * schema check per response.
   */
  validateResponses?: boolean;
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

  /** The caller's credentials (user or service); 401 without. */
  async credentials(req: Request): Promise<BackstageCredentials> {
    return this.options.httpAuth.credentials(req, { allow: ['user', 'service'] });
  }

  /**
   * Authenticates the request and checks one permission; 401 or 403 otherwise. An asset
   * permission granted on conditions passes here: the route serves data that is not one asset's
   * (products, KPIs); routes about assets use {@link RouteContext.authorizeAssets}.
   */
  async authorize(req: Request, permission: ItamPermission): Promise<BackstageCredentials> {
    const credentials = await this.credentials(req);
    // Service callers skip the permission policy in this Backstage release: their own rules first.
    this.serviceAccess.assertAllowed(credentials, permission);
    if (permission.type === 'resource') {
      await this.assetAccess(credentials, permission);
      return credentials;
    }
    const [decision] = await this.options.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
    return credentials;
  }

  /**
   * Authenticates the request and asks the policy about an asset permission: all assets, or the
   * ones its conditions allow (applied in SQL to lists, and to each asset read or written).
   */
  async authorizeAssets(req: Request, permission: ItamAssetPermission): Promise<AssetAccess> {
    const credentials = await this.credentials(req);
    this.serviceAccess.assertAllowed(credentials, permission);
    return this.assetAccess(credentials, permission);
  }

  /**
   * For reports over the whole estate (maturity, licence positions): the policy must allow the
   * asset permission without conditions, since the report would tell a caller about assets the
   * conditions hide. A conditional decision gets 403 saying so.
   */
  async authorizeEstateWide(req: Request, permission: ItamAssetPermission, report: string): Promise<BackstageCredentials> {
    const access = await this.authorizeAssets(req, permission);
    if (access.criteria) {
      throw new NotAllowedError(
        `${report} covers every asset of the estate: it needs ${permission.name} granted without conditions, and your permissions let you read only some assets`,
      );
    }
    return access.credentials;
  }

  /** {@link RouteContext.authorizeAssets} for credentials in hand. */
  assetAccess(credentials: BackstageCredentials, permission: ItamAssetPermission): Promise<AssetAccess> {
    return authorizeAssetAccess(this.options.permissions, this.options.assetRules ?? defaultAssetRuleset, credentials, permission);
  }

  /**
   * Refuses (403) a write the caller's access does not allow on `asset` (and, for a change, on
   * the asset as it would be afterwards: a conditional grant cannot move an asset out of it).
   */
  assertAllowed(access: AssetAccess, asset: Asset, after?: Asset): void {
    if (!access.allows(asset) || (after !== undefined && !access.allows(after))) {
      throw new NotAllowedError(`Not allowed: ${access.permission.name} on asset ${asset.tag}`);
    }
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

  /**
   * The asset with this id or tag; 404 when there is none, or when `readable` is given and does
   * not allow it (an asset the caller may not read is not revealed to exist).
   */
  async requireAsset(idOrTag: string, readable?: AssetAccess): Promise<Asset> {
    const asset = await this.store.getAsset(idOrTag);
    if (!asset || (readable && !readable.allows(asset))) throw new NotFoundError(`No asset with id or tag ${idOrTag}`);
    return asset;
  }

  /**
   * The asset a write is about: readable by the caller (404 otherwise) and allowed by `access`
   * (403 otherwise).
   */
  async requireWritableAsset(idOrTag: string, access: AssetAccess): Promise<Asset> {
    const asset = await this.store.getAsset(idOrTag);
    if (!asset) throw new NotFoundError(`No asset with id or tag ${idOrTag}`);
    if (!access.allows(asset)) {
      const read = await this.assetAccess(access.credentials, itamAssetReadPermissionRef);
      if (!read.allows(asset)) throw new NotFoundError(`No asset with id or tag ${idOrTag}`);
      this.assertAllowed(access, asset);
    }
    return asset;
  }
}
