import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { mockServices, startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { itamForgeTokenHandler, itamPlugin } from '@itam/backstage-plugin-itam-backend';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const entity = (kind: string, name: string, spec: object = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec,
});

/** The app id the test backend accepts as the invocation tokens' audience. */
export const TEST_APP_ID = 'ari:cloud:ecosystem::app/8d0e6f3a-1b2c-4d5e-9f60-718293a4b5c6';

// Created when a test file imports this module, so its cleanup hooks are registered in time;
// it closes the SQLite databases after the file's tests (Jest would not exit otherwise).
const databases = TestDatabases.create({ ids: ['SQLITE_3'], disableDocker: true });

/**
 * Starts the real ITAM backend plugin in-process with Backstage's real auth and httpAuth services,
 * configured as an admin would for Jira: the `forge` token handler (Atlassian's key set played by
 * a local HTTP server with a generated RS256 key) for the listed sites, plus a static token bound
 * to the first site (the fallback) and a `seeder` token that may create assets. SQLite in memory.
 * `invocationToken` signs what Forge would send with an `invokeRemote` call.
 */
export async function startItamBackend(options: { sites: string[]; staticToken: string; seederToken: string }) {
  const keys = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'test-forge', alg: 'RS256', use: 'sig' };
  const jwksServer = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>(resolve => jwksServer.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;

  const knex = await databases.init('SQLITE_3');
  const backend = await startTestBackend({
    features: [
      itamPlugin,
      itamForgeTokenHandler,
      authServiceFactory,
      httpAuthServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          backend: {
            auth: {
              externalAccess: [
                { type: 'forge', options: { appId: TEST_APP_ID, sites: options.sites, jwksUrl } },
                { type: 'static', options: { token: options.staticToken, subject: 'jira-static' } },
                { type: 'static', options: { token: options.seederToken, subject: 'seeder' } },
              ],
            },
          },
          itam: {
            // Every response the Jira app's calls get is checked against the OpenAPI document.
            api: { validateResponses: true },
            serviceAccess: {
              'jira-static': { permissions: ['itam.asset.read', 'itam.ticket.link'], jiraSite: options.sites[0] },
              seeder: { permissions: ['itam.asset.read', 'itam.asset.create', 'itam.asset.update'] },
            },
          },
        },
      }),
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({
        entities: [
          entity('User', 'jane'),
          entity('Group', 'sre', { type: 'team', children: [] }),
          entity('Component', 'payments-api', { type: 'service', lifecycle: 'production', owner: 'group:default/sre' }),
        ],
      }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const origin = `http://localhost:${port}`;
  return {
    origin,
    baseUrl: `${origin}/api/itam`,
    /** A Forge Invocation Token for a site and user, as Forge Remote sends it. */
    invocationToken: (site: string, accountId = '557058:agent') =>
      new SignJWT({
        app: { id: TEST_APP_ID, installationId: 'ari:cloud:ecosystem::installation/test' },
        context: { cloudId: `cloud-${site.split('.')[0]}`, siteUrl: `https://${site}` },
        principal: accountId,
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-forge' })
        .setIssuer('forge/invocation-token')
        .setAudience(TEST_APP_ID)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(keys.privateKey),
    stop: async () => {
      await backend.stop();
      await new Promise(resolve => jwksServer.close(resolve));
    },
  };
}
