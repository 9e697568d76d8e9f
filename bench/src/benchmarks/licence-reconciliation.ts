// Effective licence position over an estate the size of the design target (docs/performance-targets.md: "full
// licence reconciliation over 1M installations in seconds, not hours"): 1,000,000 installations
// on 50,000 devices, 5,000 products and 20,000 entitlements, reconciled in one call.
import { performance } from 'node:perf_hooks';
import { parseLicenceInput, reconcileLicences } from '@itam/common';
import { migrateItamDatabase } from '@itam/backstage-plugin-itam-backend';
import knexFactory from 'knex';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateLicenceEstate, seedLicenceDatabase, type LicenceSizes } from '../data/licenceData';
import { quantile, seededRandom, type Benchmark, type BenchRow } from '../harness';

const NAME = 'licence-reconciliation';
const TARGET_S = 5;
const AS_OF = '2026-06-30';

type Sizes = LicenceSizes;

/** The recompute from the database against the pure reconciliation, and its memory. */
const DATABASE_RATIO_TARGET = 2;
const DATABASE_RSS_TARGET_MB = 512;

/**
 * The plugin's recompute over the same estate written into an SQLite database, as its scheduled
 * task runs it (in a worker thread: reading the stores a part of the estate at a time,
 * reconciling each part, storing its positions with their explanations, publishing them), in a
 * process of its own, whose peak RSS is the main thread's and the worker's together.
 */
async function recomputeFromDatabase(data: Parameters<typeof reconcileLicences>[0], devices: number, log: (line: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'itam-licence-bench-'));
  try {
    const filename = join(dir, 'itam.sqlite');
    const knex = knexFactory({ client: 'better-sqlite3', connection: { filename }, useNullAsDefault: true });
    await migrateItamDatabase(knex);
    const seeding = performance.now();
    await seedLicenceDatabase(knex, data, devices);
    await knex.destroy();
    log(`licence estate written to SQLite in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(__dirname, '../servers/licenceRecompute.ts')], {
      env: { ...process.env, BENCH_DB_FILE: filename, BENCH_AS_OF: AS_OF },
      maxBuffer: 1 << 20,
    });
    return JSON.parse(stdout.trim().split('\n').pop()!) as {
      runs: { seconds: number; products: number; published: boolean }[];
      peakRssMb?: number;
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const FULL: Sizes = {
  installations: 1_000_000,
  devices: 50_000,
  products: 5_000,
  entitlements: 20_000,
  userAssignments: 100_000,
  concurrentPeaks: 5_000,
};
const QUICK: Sizes = {
  installations: 50_000,
  devices: 2_500,
  products: 500,
  entitlements: 2_000,
  userAssignments: 5_000,
  concurrentPeaks: 250,
};

const benchmark: Benchmark = {
  name: NAME,
  description: 'effective licence position: reconciliation of every product at once, pure and from the database',
  async run({ quick, seed, log }) {
    const sizes = quick ? QUICK : FULL;
    let start = performance.now();
    const data = generateLicenceEstate(sizes, seededRandom(seed));
    log(
      `generated ${data.installations.length} installations, ${data.devices.length} device facts, ${data.products.length} products, ` +
        `${data.entitlements.length} entitlements, ${data.userAssignments.length} assignments in ${Math.round(performance.now() - start)} ms`,
    );

    // Warm the JIT on a small estate first, so the figure does not include compiling the code.
    reconcileLicences(generateLicenceEstate(QUICK, seededRandom(seed + 1)), { asOf: AS_OF });

    start = performance.now();
    const report = reconcileLicences(data, { asOf: AS_OF });
    const seconds = (performance.now() - start) / 1000;
    const consumers = report.products.reduce((n, p) => n + p.explanation.consumers.length, 0);
    const { byStatus, trueUp, harvestCandidates } = report.summary;
    log(
      `${consumers} consumers; ${byStatus['under-licensed']} under-licensed, ${byStatus['over-licensed']} over-licensed, ` +
        `${byStatus.compliant} compliant, ${byStatus.incomplete} incomplete, ${byStatus.unreconciled} unreconciled; ` +
        `true-up ${trueUp.cost} ${trueUp.currency}; ${harvestCandidates} harvest candidates`,
    );

    // The first run at full size also grows the heap; a server reconciling the same estate on a
    // schedule sees the repeats. Reported for information: the target stays on the first run.
    const repeats: number[] = [];
    for (let r = 0; r < (quick ? 1 : 3); r++) {
      start = performance.now();
      reconcileLicences(data, { asOf: AS_OF });
      repeats.push((performance.now() - start) / 1000);
    }
    log(`repeat runs: ${repeats.map(x => x.toFixed(2)).join(', ')} s`);

    // Schema validation is what the API layer adds for untrusted input; measured for information.
    start = performance.now();
    parseLicenceInput(data);
    const parseSeconds = (performance.now() - start) / 1000;

    const row = (metric: string, value: number, unit: string, target?: string, met?: boolean): BenchRow => ({
      benchmark: NAME,
      metric,
      value,
      unit,
      ...(target !== undefined && { target, met }),
    });
    const repeat = quantile(repeats, 0.5);
    const fromDatabase = await recomputeFromDatabase(data, sizes.devices, log);
    const [first, warm] = fromDatabase.runs;
    const warmSeconds = warm.seconds;
    log(
      `from the database: first run ${first.seconds.toFixed(2)} s, warm run ${warmSeconds.toFixed(2)} s, ` +
        `${warm.products} positions ${warm.published ? 'published' : 'NOT published'}, peak RSS ${fromDatabase.peakRssMb?.toFixed(0)} MB`,
    );
    const ratio = warmSeconds / repeat;
    return [
      row(`reconcile ${sizes.installations} installations`, seconds, 's', `<= ${TARGET_S} s`, seconds <= TARGET_S),
      row('recompute from the database in the worker, positions stored (warm run)', warmSeconds, 's'),
      row('recompute from the database / pure reconciliation (repeat run)', ratio, 'x', `<= ${DATABASE_RATIO_TARGET}`, ratio <= DATABASE_RATIO_TARGET),
      ...(fromDatabase.peakRssMb !== undefined
        ? [
            row(
              'recompute from the database: peak RSS',
              fromDatabase.peakRssMb,
              'MB',
              `<= ${DATABASE_RSS_TARGET_MB}`,
              fromDatabase.peakRssMb <= DATABASE_RSS_TARGET_MB,
            ),
          ]
        : []),
      row('installations per second', sizes.installations / seconds, '/s'),
      row('repeat run on the grown heap (median)', repeat, 's'),
      row('consumers explained', consumers, 'consumers'),
      row('schema validation (parseLicenceInput)', parseSeconds, 's'),
    ];
  },
};

export default benchmark;
