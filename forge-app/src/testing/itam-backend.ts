import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { mockServices, startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { itamPlugin } from '@itam/backstage-plugin-itam-backend';
import type { AddressInfo } from 'node:net';

const entity = (kind: string, name: string, spec: object = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec,
});

// Created when a test file imports this module, so its cleanup hooks are registered in time;
// it closes the SQLite databases after the file's tests (Jest would not exit otherwise).
const databases = TestDatabases.create({ ids: ['SQLITE_3'], disableDocker: true });

/**
 * Starts the real ITAM backend plugin in-process with Backstage's real auth and httpAuth
 * services, configured as an admin would for a Jira site: one static token under
 * `backend.auth.externalAccess`, restricted to the `itam` plugin. SQLite in memory.
 */
export async function startItamBackend(options: { token: string; subject: string }) {
  const knex = await databases.init('SQLITE_3');
  const backend = await startTestBackend({
    features: [
      itamPlugin,
      authServiceFactory,
      httpAuthServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          backend: {
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: options.token, subject: options.subject },
                  accessRestrictions: [{ plugin: 'itam' }],
                },
              ],
            },
          },
        },
      }),
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({
        entities: [entity('User', 'jane'), entity('Group', 'sre', { type: 'team', children: [] })],
      }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  return {
    baseUrl: `http://localhost:${port}/api/itam`,
    stop: () => backend.stop(),
  };
}
