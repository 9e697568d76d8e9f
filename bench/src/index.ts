// Runs every benchmark in src/benchmarks (or those named on the command line), prints a table and
// writes bench/results/<timestamp>.json. Not part of `npm test`: benchmarks measure, tests assert.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceWorkMs, type Benchmark, type BenchRow } from './harness';

async function main() {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args.filter(a => !a.startsWith('--'));
  const dir = join(__dirname, 'benchmarks');
  const benchmarks: Benchmark[] = readdirSync(dir)
    .filter(f => /\.ts$/.test(f) && !f.endsWith('.test.ts'))
    .sort()
    .map(f => require(join(dir, f)).default as Benchmark)
    .filter(b => only.length === 0 || only.includes(b.name));
  const rows: BenchRow[] = [];
  const reference = (when: string): BenchRow => {
    const ms = Math.min(referenceWorkMs(), referenceWorkMs(), referenceWorkMs());
    console.log(`\n== machine speed ${when}: reference work in ${ms.toFixed(0)} ms (lower is faster)`);
    return { benchmark: 'machine speed', metric: `reference work, ${when}`, value: ms, unit: 'ms' };
  };
  rows.push(reference('before'));
  for (const benchmark of benchmarks) {
    console.log(`\n== ${benchmark.name}: ${benchmark.description}${quick ? ' (quick)' : ''}`);
    const result = await benchmark.run({ quick, seed: 20261127, log: l => console.log(`   ${l}`) });
    rows.push(...result);
  }
  rows.push(reference('after'));
  console.log('');
  console.table(
    rows.map(r => ({
      benchmark: r.benchmark,
      metric: r.metric,
      value: Number(r.value.toPrecision(4)),
      unit: r.unit,
      target: r.target ?? '',
      met: r.met === undefined ? '' : r.met ? 'yes' : 'NO',
    })),
  );
  const out = join(__dirname, '..', 'results');
  mkdirSync(out, { recursive: true });
  const file = join(out, `${new Date().toISOString().replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`);
  writeFileSync(file, JSON.stringify({ quick, node: process.version, rows }, null, 2));
  console.log(`results written to ${file}`);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
