// Import throughput: the same generated assets through the product's import path (native CSV
// streamed, parsed, validated with the domain schemas, matched and written with history, in one
// transaction) and through raw better-sqlite3 prepared inserts in one transaction, in the same
// run, on SQLite files in WAL mode. Also the peak RSS while importing.
import { migrateItamDatabase } from '@itam/backstage-plugin-itam-backend';
import { importAssets } from '@itam/backstage-plugin-itam-backend/src/imports/importAssets';
import { nativeCsvSource } from '@itam/backstage-plugin-itam-backend/src/imports/native';
import { readCsvRecords } from '@itam/backstage-plugin-itam-backend/src/imports/readers';
import Database from 'better-sqlite3';
import knexFactory from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { assetRow, generateAsset } from '../data/registerData';
import { seededRandom, timeMs, type Benchmark, type BenchRow } from '../harness';

const COLUMNS = ['tag', 'name', 'assetClass', 'type', 'lifecycleStage', 'criticality', 'serialNumber', 'location', 'purchaseDate', 'purchaseCost', 'currency'];

/** The generated register as a native CSV stream, produced lazily (never held whole). */
function csvStream(count: number, seed: number): Readable {
  const random = seededRandom(seed);
  return Readable.from(
    (function* lines() {
      yield `${COLUMNS.join(',')}\n`;
      let chunk = '';
      for (let i = 0; i < count; i++) {
        const a = generateAsset(i, random);
        chunk += `${[a.tag, a.name, a.assetClass, a.type, a.lifecycleStage, a.criticality, a.serialNumber, a.location, a.purchase!.date, a.purchase!.cost, a.purchase!.currency].join(',')}\n`;
        if (chunk.length > 64 * 1024) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    })(),
    { objectMode: false },
  );
}

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
        'insert into itam_assets (id, tag, name, asset_class, type, lifecycle_stage, criticality, data_classification, serial_number, owner, search_text, data, version, created_at, updated_at) values (@id, @tag, @name, @asset_class, @type, @lifecycle_stage, @criticality, @data_classification, @serial_number, @owner, @search_text, @data, @version, @created_at, @updated_at)',
      );
      const random = seededRandom(options.seed);
      const rawRun = await timeMs(() =>
        raw.transaction(() => {
          for (let i = 0; i < count; i++) insert.run(assetRow(generateAsset(i, random)));
        })(),
      );
      raw.close();
      const rawRate = count / (rawRun.ms / 1000);
      options.log(`raw prepared insert: ${count} rows in ${(rawRun.ms / 1000).toFixed(1)} s`);

      // The product's path.
      const knex = await freshDatabase(dir, 'import.sqlite');
      let peakRss = process.memoryUsage().rss;
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }, 50);
      let ids = 0;
      const run = await timeMs(() =>
        importAssets(nativeCsvSource(readCsvRecords(csvStream(count, options.seed), { maxBytes: Number.MAX_SAFE_INTEGER })), {
          db: knex,
          entityRefs: { assertExist: async () => undefined },
          jobId: 'bench',
          dryRun: false,
          actor: 'bench',
          at: new Date().toISOString(),
          newId: () => `bench-${ids++}`,
        }),
      );
      clearInterval(sampler);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      await knex.destroy();
      if (!run.result.applied || run.result.counts.created !== count) {
        throw new Error(`import did not create every asset: ${JSON.stringify(run.result.counts)}, first errors ${JSON.stringify(run.result.errors.slice(0, 3))}`);
      }
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
