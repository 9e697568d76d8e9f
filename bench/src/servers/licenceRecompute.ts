// Reconciles the licence positions from a plugin database (BENCH_DB_FILE, SQLite) as the plugin's
// scheduled task does, twice (the first run also compiles the code and warms the page cache),
// in a process of its own so that its peak memory is its own; prints the timings as JSON.
import { reconcileLicences } from '@itam/common';
import knexFactory from 'knex';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { KnexAssetStore } from '../../../plugins/itam-backend/src/database/KnexAssetStore';
import { KnexLicenceStore } from '../../../plugins/itam-backend/src/licences/KnexLicenceStore';
import { loadLicenceInput } from '../../../plugins/itam-backend/src/licences/licenceInput';

async function main() {
  const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: process.env.BENCH_DB_FILE! }, useNullAsDefault: true });
  const runs: { loadSeconds: number; reconcileSeconds: number; products: number }[] = [];
  for (let r = 0; r < 2; r++) {
    let started = performance.now();
    const input = await loadLicenceInput(new KnexLicenceStore(knex), KnexAssetStore.fromKnex(knex));
    const loadSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const report = reconcileLicences(input, { asOf: process.env.BENCH_AS_OF! });
    runs.push({ loadSeconds, reconcileSeconds: (performance.now() - started) / 1000, products: report.products.length });
  }
  await knex.destroy();
  const peak = readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+) kB$/m);
  process.stdout.write(`${JSON.stringify({ runs, peakRssMb: peak ? Number(peak[1]) / 1024 : undefined })}\n`);
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
