import type { LoggerService } from '@backstage/backend-plugin-api';
import knexFactory, { type Knex } from 'knex';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { KnexAssetStore } from '../database/KnexAssetStore';
import { tuneSqliteConnections } from '../database/sqliteReads';
import { KnexLicenceStore } from './KnexLicenceStore';
import { KnexLicencePositionStore, type LicencePositionStore } from './LicencePositionStore';
import type { LicenceStore } from './LicenceStore';
import type { LicenceDeviceReader } from './licenceInput';
import { reconcileStoredLicences, type ReconciledRun } from './reconcileStoredLicences';

/** What a reconciliation is asked for: the day its terms are judged on, and its time stamp. */
export interface ReconciliationRequest {
  asOf: string;
  computedAt: string;
}

/** Runs a licence reconciliation of the stored estate into the positions of a new run. */
export type LicenceReconciliationRunner = (request: ReconciliationRequest) => Promise<ReconciledRun>;

/** The default old-generation heap of the reconciliation's worker, in MB. */
export const DEFAULT_RECONCILIATION_HEAP_MB = 256;
/** The least old-generation heap a worker is started with, in MB. */
export const MIN_RECONCILIATION_HEAP_MB = 64;

const WORKER_KIND = 'itam-licence-reconciliation';

interface WorkerInput extends ReconciliationRequest {
  kind: typeof WORKER_KIND;
  config: Knex.Config;
  installationsPerPart?: number;
}

/** The run as it crosses from the worker: its maps as entries, rebuilt in the caller's realm. */
type WorkerOutput = { run: Omit<ReconciledRun, 'productNames'> & { productNames: [string, string][] } } | { error: string };

/** The stores a reconciliation reads and writes. */
export interface ReconciliationStores {
  licences: LicenceStore;
  register: LicenceDeviceReader;
  positions: LicencePositionStore;
}

/** The stores of the plugin's database. */
export function knexReconciliationStores(db: Knex): ReconciliationStores {
  return { licences: KnexLicenceStore.create(db), register: KnexAssetStore.fromKnex(db), positions: KnexLicencePositionStore.create(db) };
}

/** The reconciliation on the caller's own thread and connection. */
export function inThreadReconciliation(stores: ReconciliationStores, installationsPerPart?: number): LicenceReconciliationRunner {
  return request => reconcileStoredLicences({ ...stores, ...request, ...(installationsPerPart !== undefined ? { installationsPerPart } : {}) });
}

/** A reconciliation the worker ran and that failed on the data (running it again would too). */
class ReconciliationFailedError extends Error {}

/**
 * The connection settings a worker can open the same database with, or undefined when it cannot:
 * an SQLite database in memory exists only on its own connection, and settings with functions in
 * them (a password fetched per connection) do not cross into a thread.
 */
export function workerConnectionConfig(db: Knex): Knex.Config | undefined {
  const { client, connection, useNullAsDefault } = db.client.config as Knex.Config;
  if (client !== 'pg' && client !== 'better-sqlite3') return undefined;
  if (client === 'better-sqlite3') {
    const filename = (connection as { filename?: string } | undefined)?.filename;
    if (!filename || filename === ':memory:' || filename.startsWith('file::memory:')) return undefined;
  }
  const config: Knex.Config = { client, connection, useNullAsDefault, pool: { min: 0, max: 1 } };
  try {
    structuredClone(config);
  } catch {
    return undefined;
  }
  return config;
}

/**
 * The reconciliation in a worker thread with a connection of its own: off the event loop, so
 * requests are answered while a large estate reconciles, and in a heap of its own of
 * `heapMb`, so the backend's memory stays bounded (the heap is collected as it fills rather than
 * growing with the garbage of a million installations). Where a worker cannot reach the
 * database, or one fails (a part needing more than its heap), the reconciliation runs on the
 * caller's thread instead, with a warning.
 *
 * @param execArgv - the worker's Node.js options; by default the process's own, and from
 *   TypeScript sources tsx's require hook (see workerExecArgv).
 */
export function workerReconciliation(
  db: Knex,
  options: { logger: LoggerService; heapMb?: number; execArgv?: string[]; installationsPerPart?: number },
): LicenceReconciliationRunner {
  if (options.heapMb !== undefined && !(options.heapMb >= MIN_RECONCILIATION_HEAP_MB)) {
    // Smaller, a worker may run out of memory while it starts, which stops the whole process.
    throw new TypeError(`heapMb must be at least ${MIN_RECONCILIATION_HEAP_MB}, got ${options.heapMb}`);
  }
  const inThread = inThreadReconciliation(knexReconciliationStores(db), options.installationsPerPart);
  const config = workerConnectionConfig(db);
  const execArgv = options.execArgv ?? workerExecArgv();
  if (!config || !execArgv) return inThread;
  return async request => {
    try {
      return await runInWorker(
        { kind: WORKER_KIND, config, ...request, ...(options.installationsPerPart !== undefined ? { installationsPerPart: options.installationsPerPart } : {}) },
        options.heapMb ?? DEFAULT_RECONCILIATION_HEAP_MB,
        execArgv,
      );
    } catch (error) {
      if (error instanceof ReconciliationFailedError) throw error;
      options.logger.warn(
        `ITAM licence reconciliation could not run in a worker thread (${String(error)}); reconciling on the main thread. ` +
          'If the worker ran out of memory, raise itam.licences.reconciliation.workerHeapMb.',
      );
      return inThread(request);
    }
  };
}

/**
 * The worker's Node.js options: the process's own; from TypeScript sources (a backend started
 * with tsx, the tests), with tsx's require hook too, which a worker does not inherit from an
 * `--import tsx`; undefined when running from sources without tsx installed.
 */
function workerExecArgv(): string[] | undefined {
  if (!__filename.endsWith('.ts')) return process.execArgv;
  try {
    require.resolve('tsx/cjs');
  } catch {
    return undefined;
  }
  return [...process.execArgv, '--require', 'tsx/cjs'];
}

function runInWorker(input: WorkerInput, heapMb: number, execArgv: string[]): Promise<ReconciledRun> {
  return new Promise((resolve, reject) => {
    // Started as a script that requires this module: from sources, the require goes through the
    // TypeScript require hook (an entry file would be loaded as an ES module, whose resolution
    // the sources' extensionless import paths do not follow).
    const worker = new Worker(`require(${JSON.stringify(__filename)})`, {
      eval: true,
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
      execArgv,
    });
    let settled = false;
    worker.once('message', (output: WorkerOutput) => {
      settled = true;
      if ('run' in output) resolve({ ...output.run, productNames: new Map(output.run.productNames) });
      else reject(new ReconciliationFailedError(output.error));
    });
    worker.once('error', error => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.once('exit', code => {
      if (!settled) reject(new Error(`the worker stopped with code ${code} before it answered`));
      settled = true;
    });
  });
}

/** The worker's side: opens its connection, reconciles, answers, closes. */
async function workerMain(input: WorkerInput): Promise<WorkerOutput> {
  const db = knexFactory(input.config);
  // Bulk reads in order: the page cache serves them as well as a mapping would, and mapped
  // pages would count against the memory the worker is there to bound.
  tuneSqliteConnections(db, { mmapSize: 0 });
  try {
    const run = await inThreadReconciliation(knexReconciliationStores(db), input.installationsPerPart)({
      asOf: input.asOf,
      computedAt: input.computedAt,
    });
    return { run: { ...run, productNames: [...run.productNames] } };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    await db.destroy();
  }
}

if (!isMainThread && (workerData as Partial<WorkerInput> | undefined)?.kind === WORKER_KIND) {
  void workerMain(workerData as WorkerInput).then(output => parentPort!.postMessage(output));
}
