import type { LoggerService } from '@backstage/backend-plugin-api';
import knexFactory, { type Knex } from 'knex';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { KnexAssetStore } from '../database/KnexAssetStore';
import { tuneSqliteConnections } from '../database/sqliteReads';
import { KnexLicenceStore } from './KnexLicenceStore';
import { KnexLicencePositionStore, type LicencePositionStore } from './LicencePositionStore';
import type { LicenceStore } from './LicenceStore';
import type { LicenceDeviceReader } from './licenceInput';
import { licenceShortfallBuffers } from './licenceRiskInputs';
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
/**
 * The worker's young generation, in MB. Left to V8, a worker's young generation and old
 * generation grew to ~240 MB between them and the recompute's process (main thread and worker)
 * peaked at 450–510 MB over four runs on a million installations; with 64 MB it peaked at
 * 390–410 MB in the same time (bench `licence-reconciliation`). Smaller (8–48 MB) ran slower.
 */
const RECONCILIATION_YOUNG_GENERATION_MB = 64;

const WORKER_KIND = 'itam-licence-reconciliation';

/** What a worker is started with: where the database is, and how large a part is. */
interface WorkerInput {
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

/** How long a worker with nothing to do is kept before it stops, by default. */
export const DEFAULT_RECONCILIATION_WORKER_IDLE_MS = 60_000;

/** A reconciliation runner that holds a worker thread, which {@link ClosableReconciliationRunner.close} stops. */
export type ClosableReconciliationRunner = LicenceReconciliationRunner & { close(): Promise<void> };

/**
 * The reconciliation in a worker thread with a connection of its own: off the event loop, so
 * requests are answered while a large estate reconciles, and in a heap of its own of
 * `heapMb`, so the backend's memory stays bounded (the heap is collected as it fills rather than
 * growing with the garbage of a million installations). The worker is kept between runs until
 * it has been idle for `idleMs`: a burst of writes, or the scheduled run after a write's, then
 * reuses its loaded and optimised code instead of starting cold (on a million installations a
 * fresh worker took a third longer than a warm one). Runs take their turn in it. Where a worker
 * cannot reach the database, or one fails (a part needing more than its heap), the
 * reconciliation runs on the caller's thread instead, with a warning.
 *
 * @param execArgv - the worker's Node.js options; by default the process's own, and from
 *   TypeScript sources tsx's require hook (see workerExecArgv).
 */
export function workerReconciliation(
  db: Knex,
  options: { logger: LoggerService; heapMb?: number; idleMs?: number; execArgv?: string[]; installationsPerPart?: number },
): ClosableReconciliationRunner {
  if (options.heapMb !== undefined && !(options.heapMb >= MIN_RECONCILIATION_HEAP_MB)) {
    // Smaller, a worker may run out of memory while it starts, which stops the whole process.
    throw new TypeError(`heapMb must be at least ${MIN_RECONCILIATION_HEAP_MB}, got ${options.heapMb}`);
  }
  const inThread = inThreadReconciliation(knexReconciliationStores(db), options.installationsPerPart);
  const config = workerConnectionConfig(db);
  const execArgv = options.execArgv ?? workerExecArgv();
  if (!config || !execArgv) return Object.assign(inThread, { close: async () => {} });
  const host = new ReconciliationWorkerHost(
    { kind: WORKER_KIND, config, ...(options.installationsPerPart !== undefined ? { installationsPerPart: options.installationsPerPart } : {}) },
    { heapMb: options.heapMb ?? DEFAULT_RECONCILIATION_HEAP_MB, idleMs: options.idleMs ?? DEFAULT_RECONCILIATION_WORKER_IDLE_MS, execArgv },
  );
  const run: LicenceReconciliationRunner = async request => {
    try {
      return await host.run(request);
    } catch (error) {
      if (error instanceof ReconciliationFailedError) throw error;
      options.logger.warn(
        `ITAM licence reconciliation could not run in a worker thread (${String(error)}); reconciling on the main thread. ` +
          'If the worker ran out of memory, raise itam.licences.reconciliation.workerHeapMb.',
      );
      return inThread(request);
    }
  };
  return Object.assign(run, { close: () => host.close() });
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

/** A request as it crosses into the worker, numbered so its answer finds it. */
type WorkerRequest = ReconciliationRequest & { id: number };
type WorkerReply = WorkerOutput & { id: number };

/**
 * Holds the reconciliation's worker: started on the first run, given each run as a message, and
 * stopped once idle for `idleMs` or when a run fails with it (out of memory: the next run starts
 * a fresh one). Unreferenced while idle, so an idle worker never keeps the process alive.
 */
class ReconciliationWorkerHost {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, { resolve: (run: ReconciledRun) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly data: WorkerInput,
    private readonly options: { heapMb: number; idleMs: number; execArgv: string[] },
  ) {}

  run(request: ReconciliationRequest): Promise<ReconciledRun> {
    clearTimeout(this.idleTimer);
    const worker = this.worker ?? this.start();
    // Referenced while it has work: a process waiting on a run stays up for it.
    worker.ref();
    const id = this.nextId++;
    return new Promise<ReconciledRun>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    // Started as a script that requires this module: from sources, the require goes through the
    // TypeScript require hook (an entry file would be loaded as an ES module, whose resolution
    // the sources' extensionless import paths do not follow).
    const worker = new Worker(`require(${JSON.stringify(__filename)})`, {
      eval: true,
      workerData: this.data,
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb, maxYoungGenerationSizeMb: RECONCILIATION_YOUNG_GENERATION_MB },
      execArgv: this.options.execArgv,
    });
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('run' in reply) waiting?.resolve({ ...reply.run, productNames: new Map(reply.run.productNames) });
      else waiting?.reject(new ReconciliationFailedError(reply.error));
      if (this.pending.size === 0 && this.worker === worker) {
        worker.unref();
        this.idleTimer = setTimeout(() => void this.close(), this.options.idleMs);
        this.idleTimer.unref();
      }
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', code => fail(new Error(`the worker stopped with code ${code} before it answered`)));
    this.worker = worker;
    return worker;
  }
}

/**
 * The worker's side: opens its connection, then reconciles each request in turn (one run at a
 * time, so the heap holds one run's parts) and answers it.
 */
function workerMain(input: WorkerInput) {
  const db = knexFactory(input.config);
  // Bulk reads in order: the page cache serves them as well as a mapping would, and mapped
  // pages would count against the memory the worker is there to bound.
  tuneSqliteConnections(db, { mmapSize: 0 });
  const reconcile = inThreadReconciliation(knexReconciliationStores(db), input.installationsPerPart);
  let turn = Promise.resolve();
  parentPort!.on('message', (request: WorkerRequest) => {
    turn = turn.then(async () => {
      let reply: WorkerReply;
      let transfer: ArrayBuffer[] = [];
      try {
        const run = await reconcile({ asOf: request.asOf, computedAt: request.computedAt });
        reply = { id: request.id, run: { ...run, productNames: [...run.productNames] } };
        // Handed over, not copied: the shortfalls' device numbers are the bulk of the answer.
        transfer = licenceShortfallBuffers(run.shortfalls);
      } catch (error) {
        reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
      }
      parentPort!.postMessage(reply, transfer);
    });
  });
}

if (!isMainThread && (workerData as Partial<WorkerInput> | undefined)?.kind === WORKER_KIND) {
  workerMain(workerData as WorkerInput);
}
