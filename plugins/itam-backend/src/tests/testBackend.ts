import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import type { Server } from 'node:http';
import { itamPlugin } from '../plugin';

/**
 * The databases the backend tests run on: SQLite always, PostgreSQL when the test command found
 * a server (it sets BACKSTAGE_TEST_DATABASE_POSTGRES<N>_CONNECTION_STRING).
 */
export function itamTestDatabases(): TestDatabases {
  return TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_18', 'POSTGRES_17', 'POSTGRES_16', 'POSTGRES_15'] as TestDatabaseId[],
    disableDocker: true,
  });
}

const entity = (kind: string, name: string, spec: object = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec,
});

/** A small organisation and a service the tests link assets to. */
export const testCatalog: Entity[] = [
  entity('User', 'jane'),
  entity('User', 'sam'),
  entity('Group', 'sre', { type: 'team', children: [] }),
  entity('System', 'payments', { owner: 'group:default/sre' }),
  entity('Component', 'payments-api', {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/sre',
    system: 'payments',
  }),
];

/** Starts the real ITAM plugin in a Backstage test backend on the given database. */
export async function startItamBackend(options: {
  knex: Knex;
  permissionResult?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  /** App config the plugin reads (e.g. `{ itam: { database: { ... } } }`). */
  config?: NonNullable<Parameters<typeof mockServices.rootConfig.factory>[0]>['data'];
  /** Service factories that replace the test backend's (e.g. the real scheduler). */
  services?: Parameters<typeof startTestBackend>[0]['features'];
}) {
  return startTestBackend({
    features: [
      itamPlugin,
      ...(options.services ?? []),
      // Every response checked against the OpenAPI document: a route and its description cannot drift apart.
      mockServices.rootConfig.factory({ data: { ...options.config, itam: { api: { validateResponses: true }, ...(options.config?.itam as object | undefined) } } }),
      mockServices.database.factory({ knex: options.knex }),
      catalogServiceMock.factory({ entities: testCatalog }),
      mockServices.permissions.factory({ result: options.permissionResult ?? AuthorizeResult.ALLOW }),
    ],
  });
}

/** Authorization header of a signed-in user. */
export const asUser = (ref = 'user:default/jane') => mockCredentials.user.header(ref);

/**
 * Starts the ITAM backend once for the enclosing `describe` on one test database and stops it
 * after the last test. Read `server` and `knex` inside tests (they are set in `beforeAll`).
 */
export function itamBackendPerSuite(databases: TestDatabases, databaseId: TestDatabaseId) {
  const suite = {} as { server: Server; knex: Knex };
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    suite.knex = await databases.init(databaseId);
    const backend = await startItamBackend({ knex: suite.knex });
    suite.server = backend.server;
    stop = () => backend.stop();
  });
  afterAll(() => stop?.());
  return suite;
}
