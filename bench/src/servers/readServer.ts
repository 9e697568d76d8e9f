// A benchmark server process: the real ITAM plugin in a Backstage test backend on the given
// database, plus a baseline plugin with one empty authenticated route. Prints its port as JSON
// on stdout, then serves until killed. Runs in its own process so the load generator does not
// share its event loop.
import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { itamPlugin } from '@itam/backstage-plugin-itam-backend';
import express from 'express';
import knexFactory from 'knex';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

type CatalogEntities = NonNullable<NonNullable<Parameters<typeof catalogServiceMock>[0]>['entities']>;

/**
 * The catalogue, from a JSON file of entities when the benchmark gives one (the impact analysis).
 * The test mock builds a map of every entity on each lookup by ref; a real catalogue answers
 * from an index, so lookups here are indexed too, and the figures are the plugin's own.
 */
function catalogFactory(file: string | undefined) {
  const entities: CatalogEntities = file ? JSON.parse(readFileSync(file, 'utf8')) : [];
  const catalog = catalogServiceMock({ entities });
  const byRef = new Map(entities.map(e => [`${e.kind.toLowerCase()}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`, e]));
  const indexed = Object.assign(catalog, {
    getEntitiesByRefs: async (request: { entityRefs: string[] }) => ({ items: request.entityRefs.map(ref => byRef.get(ref)) }),
  });
  return createServiceFactory({ service: catalogServiceRef, deps: {}, factory: () => indexed });
}

const baselinePlugin = createBackendPlugin({
  pluginId: 'baseline',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter, httpAuth: coreServices.httpAuth },
      async init({ httpRouter, httpAuth }) {
        const router = express.Router();
        router.get('/empty', async (req, res) => {
          await httpAuth.credentials(req, { allow: ['user'] });
          res.json({});
        });
        httpRouter.use(router);
      },
    });
  },
});

async function main() {
  const [client, connection] = [process.env.BENCH_DB_CLIENT!, process.env.BENCH_DB_CONNECTION!];
  const knex = knexFactory({
    client,
    connection: client === 'pg' ? connection : { filename: connection },
    useNullAsDefault: true,
    pool: client === 'pg' ? { min: 2, max: 10 } : { min: 1, max: 1 },
  });
  if (client === 'better-sqlite3') {
    await knex.raw('PRAGMA journal_mode = WAL');
  }
  const backend = await startTestBackend({
    features: [
      itamPlugin,
      baselinePlugin,
      mockServices.database.factory({ knex, migrations: { skip: true } }),
      catalogFactory(process.env.BENCH_CATALOG_FILE),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.rootLogger.factory({ level: 'warn' }),
      // The scheduled recompute would re-evaluate every finding in the middle of a measurement;
      // the bench triggers the first evaluation itself and times it.
      mockServices.rootConfig.factory({
        data: {
          itam: {
            analytics: { schedule: { frequency: { hours: 24 }, timeout: { hours: 1 }, initialDelay: { hours: 24 } } },
            ...(process.env.BENCH_SQLITE_MMAP_MIB ? { database: { sqliteMmapSizeMiB: Number(process.env.BENCH_SQLITE_MMAP_MIB) } } : {}),
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
