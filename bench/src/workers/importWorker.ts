// Runs the product's import of the generated register into a fresh, migrated SQLite file (WAL)
// in its own process, so its peak RSS is the import's alone, and prints one JSON line:
// { ms, peakRssMb, counts, errors }.
import { importAssets } from '@itam/backstage-plugin-itam-backend/src/imports/importAssets';
import { nativeCsvSource } from '@itam/backstage-plugin-itam-backend/src/imports/native';
import { readCsvRecords } from '@itam/backstage-plugin-itam-backend/src/imports/readers';
import knexFactory from 'knex';
import { csvStream } from '../data/importCsv';
import { timeMs } from '../harness';

async function main() {
  const [filename, count, seed] = [process.env.BENCH_DB_FILE!, Number(process.env.BENCH_COUNT), Number(process.env.BENCH_SEED)];
  const knex = knexFactory({ client: 'better-sqlite3', connection: { filename }, useNullAsDefault: true });
  await knex.raw('PRAGMA journal_mode = WAL');
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  let ids = 0;
  const run = await timeMs(() =>
    importAssets(nativeCsvSource(readCsvRecords(csvStream(count, seed), { maxBytes: Number.MAX_SAFE_INTEGER })), {
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
  // maxRSS (KiB) is the kernel's high-water mark, which sampling can miss.
  peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  await knex.destroy();
  const { applied, counts, errors } = run.result;
  process.stdout.write(`${JSON.stringify({ ms: run.ms, peakRssMb: peakRss / 2 ** 20, applied, counts, errors: errors.slice(0, 3) })}\n`);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
