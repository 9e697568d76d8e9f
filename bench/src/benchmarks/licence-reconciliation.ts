// Effective licence position over an estate the size of the design target (docs/performance-targets.md: "full
// licence reconciliation over 1M installations in seconds, not hours"): 1,000,000 installations
// on 50,000 devices, 5,000 products and 20,000 entitlements, reconciled in one call; then the
// plugin's recompute from the database, and the licence pages read through its HTTP API.
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
import { startReadServer } from '../servers/readServerProcess';
import { mockCredentials } from '@backstage/backend-test-utils';

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
 * reconciling each part, storing its positions as a list shows them, publishing them), in a
 * process of its own, whose peak RSS is the main thread's and the worker's together.
 */
async function recomputeFromDatabase(
  data: Parameters<typeof reconcileLicences>[0],
  devices: number,
  log: (line: string) => void,
  thenRead: (filename: string) => Promise<PageReads>,
) {
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
    const recompute = JSON.parse(stdout.trim().split('\n').pop()!) as {
      runs: { seconds: number; products: number; published: boolean }[];
      peakRssMb?: number;
    };
    return { ...recompute, pages: await thenRead(filename) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The licence pages' reads, one request at a time, in ms. */
interface PageReads {
  listMedianMs: number;
  listMaxMs: number;
  listMb: number;
  productMedianMs: number;
  productMaxMs: number;
  largestFamilyMs: number;
}

/** One GET through the plugin's HTTP API: its latency in ms and its size in bytes. */
async function timedGet(url: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: mockCredentials.user.header() } });
  const body = await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${Buffer.from(body).toString('utf8').slice(0, 200)}`);
  return { ms: performance.now() - started, bytes: body.byteLength };
}

/**
 * What a licence manager opens on the estate the recompute stored, through the plugin's HTTP API
 * on a server of its own: the positions page (every product's figures, stored) and product pages
 * (a family reconciled from the evidence when asked), some products at random and the product
 * with the most installations.
 */
async function licencePageReads(filename: string, data: Parameters<typeof reconcileLicences>[0], random: () => number): Promise<PageReads> {
  const { port, child } = await startReadServer('better-sqlite3', filename);
  try {
    const base = `http://127.0.0.1:${port}/api/itam/licences/positions`;
    await timedGet(base);
    const lists = [];
    for (let i = 0; i < 5; i++) lists.push(await timedGet(base));
    const installed = new Map<string, number>();
    for (const i of data.installations) installed.set(i.productId, (installed.get(i.productId) ?? 0) + 1);
    const managed = data.products.filter(p => p.underManagement).map(p => p.id);
    const largest = [...installed].filter(([id]) => managed.includes(id)).sort((a, b) => b[1] - a[1])[0][0];
    await timedGet(`${base}/${encodeURIComponent(managed[0])}`);
    const products = [];
    for (let i = 0; i < 20; i++) products.push((await timedGet(`${base}/${encodeURIComponent(managed[Math.floor(random() * managed.length)])}`)).ms);
    const largestFamily = [];
    for (let i = 0; i < 3; i++) largestFamily.push((await timedGet(`${base}/${encodeURIComponent(largest)}`)).ms);
    return {
      listMedianMs: quantile(lists.map(l => l.ms), 0.5),
      listMaxMs: Math.max(...lists.map(l => l.ms)),
      listMb: lists[0].bytes / 1e6,
      productMedianMs: quantile(products, 0.5),
      productMaxMs: Math.max(...products),
      largestFamilyMs: quantile(largestFamily, 0.5),
    };
  } finally {
    child.kill();
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
    const fromDatabase = await recomputeFromDatabase(data, sizes.devices, log, filename => licencePageReads(filename, data, seededRandom(seed + 2)));
    // As for the pure reconciliation: the first run, then the median of the repeats.
    const [first, ...repeatRuns] = fromDatabase.runs;
    const warm = repeatRuns[repeatRuns.length - 1];
    const warmSeconds = quantile(repeatRuns.map(r => r.seconds), 0.5);
    log(
      `from the database: first run ${first.seconds.toFixed(2)} s, repeat runs ${repeatRuns.map(r => r.seconds.toFixed(2)).join(', ')} s, ` +
        `${warm.products} positions ${warm.published ? 'published' : 'NOT published'}, peak RSS ${fromDatabase.peakRssMb?.toFixed(0)} MB`,
    );
    const { pages } = fromDatabase;
    log(
      `licence pages over HTTP: positions list median ${pages.listMedianMs.toFixed(0)} ms (max ${pages.listMaxMs.toFixed(0)}, ${pages.listMb.toFixed(1)} MB); ` +
        `product page median ${pages.productMedianMs.toFixed(0)} ms (max ${pages.productMaxMs.toFixed(0)}), the most installed product's ${pages.largestFamilyMs.toFixed(0)} ms`,
    );
    const ratio = warmSeconds / repeat;
    return [
      row(`reconcile ${sizes.installations} installations`, seconds, 's', `<= ${TARGET_S} s`, seconds <= TARGET_S),
      row('recompute from the database in the worker, positions stored (repeat run, median)', warmSeconds, 's'),
      row('recompute from the database / pure reconciliation (repeat runs, medians)', ratio, 'x', `<= ${DATABASE_RATIO_TARGET}`, ratio <= DATABASE_RATIO_TARGET),
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
      row('GET /licences/positions (stored list), median', pages.listMedianMs, 'ms'),
      row('GET /licences/positions response size', pages.listMb, 'MB'),
      row('GET /licences/positions/{id} (family reconciled when asked), median of 20 products', pages.productMedianMs, 'ms'),
      row('GET /licences/positions/{id}, slowest of 20 products', pages.productMaxMs, 'ms'),
      row('GET /licences/positions/{id}, the most installed product', pages.largestFamilyMs, 'ms'),
      row('installations per second', sizes.installations / seconds, '/s'),
      row('repeat run on the grown heap (median)', repeat, 's'),
      row('consumers explained', consumers, 'consumers'),
      row('schema validation (parseLicenceInput)', parseSeconds, 's'),
    ];
  },
};

export default benchmark;
