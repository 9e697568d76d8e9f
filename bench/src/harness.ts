import { performance } from 'node:perf_hooks';

/**
 * Options every benchmark receives. `quick` runs small sizes so the whole suite finishes in
 * about a minute; the full run uses the sizes of the design targets.
 */
export interface BenchOptions {
  quick: boolean;
  /** A fixed seed, so generated data are the same from run to run. */
  seed: number;
  log: (line: string) => void;
}

/** One measured figure, printed in the table and written to bench/results. */
export interface BenchRow {
  benchmark: string;
  metric: string;
  value: number;
  unit: string;
  /** The design target, as text (e.g. `<= 5 s`, `>= 0.5`), when there is one. */
  target?: string;
  /** Whether `value` meets `target`; undefined when there is no target. */
  met?: boolean;
}

/** A benchmark module in `src/benchmarks/`; the runner discovers every file there. */
export interface Benchmark {
  name: string;
  description: string;
  run(options: BenchOptions): Promise<BenchRow[]>;
}

/** Times a synchronous or asynchronous function once, in milliseconds. */
export async function timeMs<T>(fn: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

/** The q-quantile (0..1) of a list of numbers, by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/**
 * A small, fast, seeded pseudo-random generator (mulberry32), so benchmark data are
 * deterministic without a dependency.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Milliseconds this machine takes for a fixed, single-threaded piece of work (sorting and
 * serialising seeded strings). Shared machines here vary in speed from hour to hour; a target
 * in absolute time (the reconciliation's 5 s) reads against this figure from the same run.
 */
export function referenceWorkMs(): number {
  const random = seededRandom(1);
  const start = performance.now();
  const items = Array.from({ length: 300_000 }, (_, i) => ({ id: `item-${Math.floor(random() * 1e9)}`, n: i }));
  items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  JSON.parse(JSON.stringify(items));
  return performance.now() - start;
}
