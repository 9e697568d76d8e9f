// Reconciles the licence positions from a plugin database (BENCH_DB_FILE, SQLite) as the plugin's
// scheduled task does (in a worker thread, a part of the estate at a time, each part's positions
// stored under the run's id, then published), four times in one worker as a server reconciling
// again soon after does (the first run also starts the worker and warms the page cache), in a
// process of its own so that its peak memory is its own; prints the timings as JSON.
import type { LoggerService } from '@backstage/backend-plugin-api';
import knexFactory from 'knex';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { KnexLicencePositionStore } from '../../../plugins/itam-backend/src/licences/LicencePositionStore';
import { workerReconciliation } from '../../../plugins/itam-backend/src/licences/reconciliationWorker';

async function main() {
  const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: process.env.BENCH_DB_FILE! }, useNullAsDefault: true });
  const asOf = process.env.BENCH_AS_OF!;
  const runs: { seconds: number; products: number; published: boolean }[] = [];
  const positions = KnexLicencePositionStore.create(knex);
  // As the plugin runs it: in a worker thread (with the TypeScript loader this process runs with);
  // a fall back to the main thread would measure something else, so it stops the benchmark.
  const logger = {
    warn: (message: string) => {
      throw new Error(message);
    },
  };
  const reconcile = workerReconciliation(knex, { logger: logger as unknown as LoggerService });
  for (let r = 0; r < 4; r++) {
    const started = performance.now();
    const computedAt = new Date().toISOString();
    const generation = await positions.generation();
    const run = await reconcile({ asOf, computedAt });
    const published = await positions.publishIfCurrent(generation, computedAt, run.runId, run.header);
    if (!published) await positions.dropRuns({ runId: run.runId });
    runs.push({ seconds: (performance.now() - started) / 1000, products: run.products, published });
  }
  await reconcile.close();
  await knex.destroy();
  const peak = readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+) kB$/m);
  process.stdout.write(`${JSON.stringify({ runs, peakRssMb: peak ? Number(peak[1]) / 1024 : undefined })}\n`);
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
