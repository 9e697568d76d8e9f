import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { migrateItamDatabase } from '../database';
import { IMPORT_LEASE_MS, ImportJobStore } from '../imports/ImportJobStore';
import { itamTestDatabases } from './testBackend';

const databases = itamTestDatabases();

/**
 * Runs importChild.ts and kills it with SIGKILL a moment after it starts writing, while its write
 * transaction runs (the child writes for seconds; the exit shows it never finished).
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
      if (out.includes('writing') && child.exitCode === null) setTimeout(() => child.kill('SIGKILL'), 300);
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(`${signal ?? code} ${out.trim()} ${err.trim()}`.trim()));
  });
}

const assetCount = async (knex: Knex) => Number((await knex('itam_assets').count({ n: '*' }))[0].n);

describe.each(databases.eachSupportedId())('an import whose backend is killed on %s', databaseId => {
  it('leaves the register as it was, and the job failed once its lease has expired', async () => {
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
      const jobId = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
      const exit = await killWhileWriting(config, jobId, 50_000);
      expect(exit).toMatch(/^SIGKILL writing/);
      expect(exit).not.toMatch(/finished/);

      // The backend restarts: the register is as before the import, the job failed.
      expect(await assetCount(knex)).toBe(before);
      const jobs = new ImportJobStore(knex);
      expect(await jobs.get(jobId)).toMatchObject({ status: 'running' });
      const afterLease = new Date(Date.now() + IMPORT_LEASE_MS + 1000).toISOString();
      expect(await jobs.failAbandoned(afterLease)).toBe(1);
      expect(await jobs.get(jobId)).toMatchObject({ status: 'failed', summary: { applied: false, abandoned: true } });
    } finally {
      await knex.destroy();
      cleanup();
    }
  }, 120_000);
});
