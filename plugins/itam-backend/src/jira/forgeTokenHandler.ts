import {
  createExternalTokenHandler,
  externalTokenHandlersServiceRef,
} from '@backstage/backend-defaults/auth';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { jiraSiteSchema } from '@itam/common';
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { forgeSubject, type ForgeCaller } from './jiraPrincipal';

/** The `iss` of every Forge invocation token. */
export const FORGE_INVOCATION_TOKEN_ISSUER = 'forge/invocation-token';
/** Where Atlassian publishes the keys that sign Forge invocation tokens. */
export const FORGE_INVOCATION_TOKEN_JWKS_URL = 'https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json';

interface ForgeTokenContext {
  appId: string;
  sites: ReadonlySet<string>;
  jwks: JWTVerifyGetKey;
}

/**
 * Backstage external token handler (type `forge`) for calls the Jira app makes through Forge
 * Remote: each carries a Forge Invocation Token (FIT), a JWT Atlassian signs with RS256. Backstage's
 * stock `jwks` handler cannot take it, because a FIT has no `sub`. This one checks the signature
 * against Atlassian's JWKS, the issuer, the audience (this app's id) and the expiry, accepts only
 * the sites listed in config, and yields a service principal whose subject carries the site and
 * the acting user (see jiraPrincipal.ts). Any token that does not claim to be a FIT is left to the
 * other handlers.
 *
 * Config, under `backend.auth.externalAccess`:
 * `{ type: forge, options: { appId: ari:cloud:ecosystem::app/<uuid>, sites: [acme.atlassian.net], jwksUrl?: ... } }`.
 *
 * @public
 */
export const forgeInvocationTokenHandler = createExternalTokenHandler<ForgeTokenContext>({
  type: 'forge',
  initialize({ options }) {
    return readOptions(options);
  },
  async verifyToken(token, ctx) {
    let claimed: JWTPayload;
    try {
      claimed = decodeJwt(token);
    } catch {
      return undefined;
    }
    if (claimed.iss !== FORGE_INVOCATION_TOKEN_ISSUER) return undefined;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, ctx.jwks, {
        issuer: FORGE_INVOCATION_TOKEN_ISSUER,
        audience: ctx.appId,
        algorithms: ['RS256'],
        requiredClaims: ['exp'],
      }));
    } catch {
      return undefined;
    }
    const caller = forgeCallerOf(payload);
    if (!caller || !ctx.sites.has(caller.site)) return undefined;
    return { subject: forgeSubject(caller) };
  },
});

/**
 * Lets the backend accept calls from the ITAM Jira app through Forge Remote: adds the external
 * token handler of type `forge`, which verifies Forge invocation tokens
 * (`backend.add(itamForgeTokenHandler)`; configured under `backend.auth.externalAccess`).
 *
 * @public
 */
export const itamForgeTokenHandler = createServiceFactory({
  service: externalTokenHandlersServiceRef,
  deps: {},
  factory: () => forgeInvocationTokenHandler,
});

function readOptions(options: Config): ForgeTokenContext {
  const appId = options.getString('appId');
  if (!/^ari:cloud:ecosystem::app\/[0-9a-f-]{36}$/.test(appId)) {
    throw new Error(`forge token handler: appId must be the app's id from manifest.yml (ari:cloud:ecosystem::app/<uuid>), got '${appId}'`);
  }
  const sites = options.getStringArray('sites').map(raw => {
    const site = jiraSiteSchema.safeParse(raw);
    if (!site.success) throw new Error(`forge token handler: sites must be Jira site hosts such as acme.atlassian.net, got '${raw}'`);
    return site.data;
  });
  if (sites.length === 0) throw new Error('forge token handler: list at least one Jira site under sites');
  const jwksUrl = options.getOptionalString('jwksUrl') ?? FORGE_INVOCATION_TOKEN_JWKS_URL;
  return { appId, sites: new Set(sites), jwks: createRemoteJWKSet(new URL(jwksUrl)) };
}

/**
 * The site and user of a verified FIT: `context.siteUrl` and `context.cloudId` (the cloud id also
 * ends `app.apiBaseUrl`), `principal` the acting user's account id (absent for app invocations).
 */
export function forgeCallerOf(payload: JWTPayload): ForgeCaller | undefined {
  const context = (payload.context ?? {}) as { cloudId?: unknown; siteUrl?: unknown };
  const app = (payload.app ?? {}) as { apiBaseUrl?: unknown };
  let site: string | undefined;
  try {
    site = typeof context.siteUrl === 'string' ? new URL(context.siteUrl).hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
  const cloudId =
    typeof context.cloudId === 'string'
      ? context.cloudId
      : typeof app.apiBaseUrl === 'string'
        ? app.apiBaseUrl.split('/').pop()
        : undefined;
  const principal = typeof payload.principal === 'string' && payload.principal ? payload.principal : 'app';
  const safe = /^[A-Za-z0-9:_-]{1,128}$/;
  if (!site || !cloudId || !safe.test(cloudId) || !safe.test(principal)) return undefined;
  return { site, cloudId, accountId: principal };
}
