// Import throughput: the same generated assets through the product's import path (native CSV
// streamed, parsed, validated with the domain schemas, matched and written with history and undo
// records, in short transactions committed as one job) and through raw better-sqlite3 prepared inserts in one transaction, in the same
// run, on SQLite files in WAL mode. The import runs in a child process of its own, so the peak
// RSS measured is the import's alone (not the raw phase's leftovers).
import { migrateItamDatabase } from '@itam/backstage-plugin-itam-backend';
import Database from 'better-sqlite3';
import knexFactory from 'knex';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ASSET_COLUMNS, assetToRow } from '@itam/backstage-plugin-itam-backend/src/database/rows';
import { generateAsset } from '../data/registerData';
import { seededRandom, timeMs, type Benchmark, type BenchRow } from '../harness';

async function freshDatabase(dir: string, name: string) {
  const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: join(dir, name) }, useNullAsDefault: true });
  await knex.raw('PRAGMA journal_mode = WAL');
  await migrateItamDatabase(knex);
  return knex;
}

const benchmark: Benchmark = {
  name: 'asset-import',
  description: 'assets through the import path vs raw better-sqlite3 prepared inserts, same rows, same run',
  async run(options) {
    const count = options.quick ? 20_000 : 1_000_000;
    const dir = mkdtempSync(join(tmpdir(), 'itam-import-bench-'));
    try {
      // Baseline: the same rows, prepared insert, one transaction, on an identical schema.
      const rawKnex = await freshDatabase(dir, 'raw.sqlite');
      await rawKnex.destroy();
      const raw = new Database(join(dir, 'raw.sqlite'));
      raw.pragma('journal_mode = WAL');
      const insert = raw.prepare(
        `insert into itam_assets (${ASSET_COLUMNS.join(', ')}) values (${ASSET_COLUMNS.map(c => `@${c}`).join(', ')})`,
      );
      const random = seededRandom(options.seed);
      const rawRun = await timeMs(() =>
        raw.transaction(() => {
          for (let i = 0; i < count; i++) insert.run(assetToRow(generateAsset(i, random)));
        })(),
      );
      raw.close();
      const rawRate = count / (rawRun.ms / 1000);
      options.log(`raw prepared insert: ${count} rows in ${(rawRun.ms / 1000).toFixed(1)} s`);

      // The product's path, in a fresh process on a fresh database.
      await (await freshDatabase(dir, 'import.sqlite')).destroy();
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', join(__dirname, '..', 'workers', 'importWorker.ts')],
        {
          env: { ...process.env, BENCH_DB_FILE: join(dir, 'import.sqlite'), BENCH_COUNT: String(count), BENCH_SEED: String(options.seed) },
          maxBuffer: 16 * 2 ** 20,
        },
      );
      const run: { ms: number; peakRssMb: number; applied: boolean; counts: { created: number }; errors: unknown[] } =
        JSON.parse(stdout.trim().split('\n').pop()!);
      if (!run.applied || run.counts.created !== count) {
        throw new Error(`import did not create every asset: ${JSON.stringify(run.counts)}, first errors ${JSON.stringify(run.errors)}`);
      }
      const peakRss = run.peakRssMb * 2 ** 20;
      const importRate = count / (run.ms / 1000);
      options.log(`import path: ${count} assets in ${(run.ms / 1000).toFixed(1)} s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`);
      const label = `asset-import ${count.toLocaleString('en-US')}`;
      const ratio = importRate / rawRate;
      const rows: BenchRow[] = [
        { benchmark: label, metric: 'raw prepared insert rate', value: rawRate, unit: 'rows/s' },
        { benchmark: label, metric: 'import rate', value: importRate, unit: 'rows/s' },
        { benchmark: label, metric: 'import rate / raw rate', value: ratio, unit: 'x', target: '>= 0.5', met: ratio >= 0.5 },
        { benchmark: label, metric: 'peak RSS while importing', value: peakRss / 2 ** 20, unit: 'MB', target: '<= 512', met: peakRss / 2 ** 20 <= 512 },
      ];
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
