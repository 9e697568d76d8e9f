#!/usr/bin/env node
// The one test command (`npm test`): typecheck, lint, the API reports, every jest suite (unit
// and integration) on SQLite and, when a server answers, PostgreSQL, the browser tests of the
// example portal in Chromium, then the packages as a platform team gets them: packed, installed
// into a Backstage app outside the repository and opened in Chromium (scripts/host-app). With
// ITAM_NODE22 naming a Node.js 22 installation (.ci/install-node.sh), the common and Forge suites
// and the host-app check also run on Node 22. A suite whose service is missing is skipped with
// one loud SKIPPED line; ITAM_REQUIRE_ALL=1 turns that into a failure.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const requireAll = process.env.ITAM_REQUIRE_ALL === '1';
const skipped = [];
const failed = [];

function step(name, command, args, env = process.env) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) failed.push(name);
  return result.status === 0;
}

function skip(suite, why) {
  console.log(`\nSKIPPED: ${suite} (${why})`);
  skipped.push(suite);
}

/** Finds a PostgreSQL server and returns the env var TestDatabases reads for its version. */
async function findPostgres() {
  const existing = Object.keys(process.env).find(k =>
    /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(k),
  );
  if (existing) return { name: existing, value: process.env[existing] };
  const url = process.env.ITAM_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query('show server_version_num');
    const major = Math.floor(Number(rows[0].server_version_num) / 10000);
    return {
      name: `BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING`,
      value: url.replace(/\/postgres$/, ''),
    };
  } catch (e) {
    return { url: url.replace(/\/postgres$/, ''), error: e.message };
  } finally {
    await client.end().catch(() => {});
  }
}

const env = { ...process.env, BACKSTAGE_TEST_DISABLE_DOCKER: '1' };
const pg = await findPostgres();
if (pg.name) {
  env[pg.name] = pg.value;
  console.log(`PostgreSQL found: backend suites also run on it (${pg.name})`);
} else {
  skip('backend suites on PostgreSQL', `no server answered at ${pg.url}: ${pg.error}`);
}

step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
step('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
// The API contract: the served OpenAPI document against Redocly's recommended rules (no errors).
step('OpenAPI lint', 'npx', ['tsx', 'scripts/openapi/lint.ts']);
step('OpenAPI types', 'npx', ['tsx', 'scripts/openapi/types.ts', '--check']);
// The published API of each package must match its checked-in report (npm run api-reports).
step('API reports', 'npm', ['run', 'api-reports:check']);

const reportDir = mkdtempSync(join(tmpdir(), 'itam-jest-'));
let passed = 0;
let failedTests = 0;

/** Runs jest over some projects and adds its counts to the totals. */
function jest(name, projects, extraArgs = [], runEnv = env, node = 'node') {
  const report = join(reportDir, `${name.replace(/\W+/g, '-')}.json`);
  step(
    name,
    node,
    [require.resolve('jest/bin/jest'), '--ci', '--json', '--outputFile', report, '--selectProjects', ...projects, ...extraArgs],
    runEnv,
  );
  if (!existsSync(report)) return;
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failedTests += results.numFailedTests;
  if (results.numTotalTests === 0) failed.push(`${name}: jest ran no test`);
}

jest('unit and integration (jest)', ['common', 'backend', 'frontend', 'forge']);

// The browser tests drive the example portal (the real backend serving the built app) in
// Debian's Chromium, so they need the app built and the browser installed.
const chromium = process.env.ITAM_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  skip('browser end-to-end tests', `no Chromium at ${chromium}; apt-get install -y chromium`);
} else if (step('build the example app', 'npm', ['run', 'build', '-w', '@itam/example-app'])) {
  // One file, one browser, one portal: run in band.
  jest('browser end-to-end (jest + playwright-core)', ['e2e'], ['--runInBand']);
}

// The packages as a platform team installs them. Packed once; the host-app check installs the
// tarballs into a Backstage app in a temporary folder and runs there on Node 22 when available.
const packDir = mkdtempSync(join(tmpdir(), 'itam-packages-'));
const packed = step('pack the packages', 'node', ['scripts/packages/pack.mjs', '--out', packDir]);

const node22 = process.env.ITAM_NODE22;
if (!node22 || !existsSync(join(node22, 'bin/node'))) {
  skip('Node 22 suites', 'ITAM_NODE22 does not name a Node.js 22 installation (.ci/install-node.sh 22.23.5)');
  if (packed) step('host-app check', 'node', ['scripts/host-app/check.mjs', '--tarballs', packDir], env);
} else {
  const node22Env = {
    ...env,
    PATH: `${join(node22, 'bin')}${delimiter}${env.PATH}`,
    npm_config_nodedir: node22,
  };
  const nodeBin = join(node22, 'bin/node');
  if (packed) step('host-app check on Node 22', nodeBin, ['scripts/host-app/check.mjs', '--tarballs', packDir], node22Env);
  // better-sqlite3 is a native module built for the Node.js that installed it: build it for
  // Node 22 for these suites, then put the original build back.
  const binding = require.resolve('better-sqlite3/build/Release/better_sqlite3.node');
  const saved = join(packDir, 'better_sqlite3.node');
  copyFileSync(binding, saved);
  try {
    if (step('build better-sqlite3 for Node 22', 'npm', ['rebuild', 'better-sqlite3'], node22Env)) {
      jest('common and Forge suites on Node 22 (jest)', ['common', 'forge'], [], node22Env, nodeBin);
    }
  } finally {
    copyFileSync(saved, binding);
  }
}
rmSync(packDir, { recursive: true, force: true });
rmSync(reportDir, { recursive: true, force: true });

if (requireAll && skipped.length > 0) {
  failed.push(`ITAM_REQUIRE_ALL=1 but skipped: ${skipped.join(', ')}`);
}
console.log('');
if (skipped.length > 0) console.log(`skipped suites: ${skipped.join('; ')}`);
if (failed.length > 0) console.log(`failed steps: ${failed.join('; ')}`);
console.log(`tests: ${passed} passed, ${failedTests} failed`);
process.exit(failed.length > 0 ? 1 : 0);
