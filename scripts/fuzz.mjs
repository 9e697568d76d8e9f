#!/usr/bin/env node
// `npm run fuzz`: the API fuzz suite (plugins/itam-backend/src/tests/fuzz.test.ts) with 10,000
// generated payloads per route (the test run has 1,000), on SQLite and, when a server answers
// at 127.0.0.1:5432 or BACKSTAGE_TEST_DATABASE_POSTGRES<N>_CONNECTION_STRING names one, PostgreSQL.
// ITAM_FUZZ_RUNS and ITAM_FUZZ_SEED override the count and the seed.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const env = { ...process.env, BACKSTAGE_TEST_DISABLE_DOCKER: '1', ITAM_FUZZ_RUNS: process.env.ITAM_FUZZ_RUNS ?? '10000' };

if (!Object.keys(env).some(k => /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(k))) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres', connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query('show server_version_num');
    env[`BACKSTAGE_TEST_DATABASE_POSTGRES${Math.floor(Number(rows[0].server_version_num) / 10000)}_CONNECTION_STRING`] =
      'postgresql://postgres@127.0.0.1:5432';
  } catch (e) {
    console.log(`SKIPPED: fuzzing on PostgreSQL (no server at 127.0.0.1:5432: ${e.message})`);
  } finally {
    await client.end().catch(() => {});
  }
}

console.log(`Fuzzing every route with ${env.ITAM_FUZZ_RUNS} payloads each`);
const result = spawnSync(
  'npx',
  ['jest', '--ci', '--selectProjects', 'backend', '--runTestsByPath', 'plugins/itam-backend/src/tests/fuzz.test.ts'],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
