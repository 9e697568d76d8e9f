import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { migrateItamDatabase } from '../database';
import { IMPORT_LEASE_MS, KnexImportJobStore } from '../imports/ImportJobStore';
import { itamTestDatabases } from './testBackend';

const databases = itamTestDatabases();

/**
 * Runs importChild.ts and kills it with SIGKILL as soon as its first write transaction has
 * committed (the child writes for seconds more; the exit shows it never finished).
 */
function killWhileWriting(config: object, jobId: string, rows: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'importChild.ts'), JSON.stringify(config), jobId, String(rows)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (/^writing [1-9]/m.test(out) && child.exitCode === null) child.kill('SIGKILL');
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(`${signal ?? code} ${out.trim()} ${err.trim()}`.trim()));
  });
}

const rowCount = async (knex: Knex, table: string) => Number((await knex(table).count({ n: '*' }))[0].n);
const assetCount = (knex: Knex) => rowCount(knex, 'itam_assets');

describe.each(databases.eachSupportedId())('an import whose backend is killed on %s', databaseId => {
  it('rolls back what it wrote once its lease has expired, and fails the job', async () => {
    let knex: Knex;
    let config: object;
    let cleanup = () => undefined as void;
    if (databaseId.startsWith('SQLITE')) {
      // A file, as a real backend has: an in-memory database would die with the process.
      const dir = mkdtempSync(join(tmpdir(), 'itam-kill-'));
      config = { client: 'better-sqlite3', connection: { filename: join(dir, 'itam.sqlite') }, useNullAsDefault: true };
      knex = knexFactory(config);
      cleanup = () => rmSync(dir, { recursive: true, force: true });
    } else {
      knex = await databases.init(databaseId);
      config = { client: 'pg', connection: knex.client.config.connection };
    }
    try {
      await migrateItamDatabase(knex);
      const before = await assetCount(knex);
      const historyBefore = await rowCount(knex, 'itam_asset_history');
      const jobId = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
      const exit = await killWhileWriting(config, jobId, 50_000);
      expect(exit).toMatch(/^SIGKILL writing 0\nwriting [1-9]/);
      expect(exit).not.toMatch(/finished/);

      // The job wrote in several transactions: the first one's rows are there, with its undo log.
      expect(await assetCount(knex)).toBeGreaterThan(before);
      expect(await rowCount(knex, 'itam_import_undo')).toBeGreaterThan(0);
      const jobs = KnexImportJobStore.create(knex);
      expect(await jobs.get(jobId)).toMatchObject({ status: 'running' });
      // Its lease still runs: a restarted backend leaves the job alone.
      expect(await jobs.failAbandoned(new Date().toISOString())).toBe(0);
      expect(await assetCount(knex)).toBeGreaterThan(before);

      // Once the lease has expired, the register is as before the import and the job failed.
      const afterLease = new Date(Date.now() + IMPORT_LEASE_MS + 1000).toISOString();
      expect(await jobs.failAbandoned(afterLease)).toBe(1);
      expect(await assetCount(knex)).toBe(before);
      expect(await rowCount(knex, 'itam_asset_history')).toBe(historyBefore);
      expect(await rowCount(knex, 'itam_import_undo')).toBe(0);
      expect(await jobs.get(jobId)).toMatchObject({
        status: 'failed',
        summary: { applied: false, abandoned: true, message: expect.stringMatching(/what it had written was rolled back/) },
      });
    } finally {
      await knex.destroy();
      cleanup();
    }
  }, 120_000);
});
