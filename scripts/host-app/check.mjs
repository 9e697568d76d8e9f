#!/usr/bin/env node
// The host-app check: installs the packed ITAM packages into a Backstage app created outside this
// repository, as a platform team would, and proves they work there.
//
//   1. pack @itam/common and both plugins (scripts/packages/pack.mjs);
//   2. write a Backstage app (npm workspaces: packages/app on the new frontend system,
//      packages/backend on the new backend system) in a temporary folder, pinned to the Backstage
//      release the plugins target, depending on the tarballs;
//   3. `npm install` it (the npm cache of this machine is reused), type-check it with the
//      Backstage CLI's TypeScript config, build the app with `backstage-cli package build`;
//   4. start the backend with `backstage-cli package start` on SQLite, check /api/itam/health and
//      the OpenAPI document, register an asset linked to a component through the API;
//   5. open that component's Assets tab in Chromium and find the asset there.
//
//   node scripts/host-app/check.mjs [--keep] [--tarballs <dir of packed .tgz>] [--reuse <dir>]
//
// `--reuse <dir>` runs the steps after the install again in a host app an earlier `--keep` run
// left in <dir>.
//
// It runs with whichever Node.js runs it (npm test runs it on Node 22); the time of each step is
// printed. Screenshots go to test-artefacts/host-app/.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packPackages, publishedPackages } from '../packages/pack.mjs';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const templateDir = join(repoRoot, 'scripts/host-app/template');
const artefactsDir = join(repoRoot, 'test-artefacts/host-app');
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const started = Date.now();

function log(message) {
  console.log(`host-app [${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
}

async function timed(name, fn) {
  const t0 = Date.now();
  const result = await fn();
  log(`${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * The versions the host app pins: the Backstage release this repository builds against (the
 * root package.json's overrides) and the direct dependencies its own example app and backend
 * declare, so the host app is on exactly the release the plugins target.
 */
function releaseVersions() {
  const manifests = ['package.json', 'examples/app/package.json', 'examples/backend/package.json', 'plugins/itam-backend/package.json'];
  const versions = {};
  for (const path of manifests) {
    const pkg = JSON.parse(readFileSync(join(repoRoot, path), 'utf8'));
    for (const deps of [pkg.dependencies, pkg.devDependencies, pkg.overrides]) {
      for (const [name, version] of Object.entries(deps ?? {})) {
        if (/^\d/.test(version)) versions[name] ??= version;
      }
    }
  }
  return versions;
}

/** The host app's package.json files, depending on the tarballs by absolute path. */
function hostManifests(tarballs) {
  const versions = releaseVersions();
  const pin = names => Object.fromEntries(names.map(n => {
    if (!versions[n]) throw new Error(`no pinned version for ${n} in this repository`);
    return [n, versions[n]];
  }));
  const tarball = name => `file:${tarballs.find(t => t.name === name).file}`;
  const itam = Object.fromEntries(publishedPackages.map(p => [p.name, tarball(p.name)]));
  const rootOverrides = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).overrides;
  return {
    root: {
      name: 'itam-host-app',
      version: '0.0.0',
      private: true,
      workspaces: ['packages/*'],
      devDependencies: pin(['@backstage/cli', '@backstage/cli-defaults', 'typescript', '@types/node', '@types/react', '@types/react-dom']),
      // A Backstage app pins its release; the ITAM tarballs stand in for the npm registry.
      overrides: { ...rootOverrides, ...itam },
      allowScripts: { 'better-sqlite3': true, esbuild: true, '@swc/core': true, 'core-js': true, protobufjs: true, 'cpu-features': true, ssh2: true, 'isolated-vm': true },
    },
    app: {
      name: 'app',
      version: '0.0.0',
      private: true,
      backstage: { role: 'frontend' },
      dependencies: {
        ...pin(['@backstage/core-components', '@backstage/frontend-defaults', '@backstage/frontend-plugin-api', '@backstage/plugin-app-react', '@backstage/plugin-catalog', '@backstage/ui', 'react', 'react-dom', 'react-router-dom']),
        '@itam/backstage-plugin-itam': itam['@itam/backstage-plugin-itam'],
      },
      browserslist: { production: ['>0.2%', 'not dead', 'not op_mini all'], development: ['last 1 chrome version'] },
    },
    backend: {
      name: 'backend',
      version: '0.0.0',
      private: true,
      backstage: { role: 'backend' },
      dependencies: {
        ...pin(['@backstage/backend-defaults', '@backstage/plugin-app-backend', '@backstage/plugin-auth-backend', '@backstage/plugin-auth-backend-module-guest-provider', '@backstage/plugin-catalog-backend', '@backstage/plugin-permission-backend', '@backstage/plugin-permission-backend-module-allow-all-policy', 'better-sqlite3']),
        '@itam/backstage-plugin-itam-backend': itam['@itam/backstage-plugin-itam-backend'],
      },
    },
  };
}

function appConfig({ port, dataDir }) {
  const baseUrl = `http://localhost:${port}`;
  return [
    'app:',
    '  title: Host app with ITAM',
    `  baseUrl: ${baseUrl}`,
    'organization:',
    '  name: Host',
    'backend:',
    `  baseUrl: ${baseUrl}`,
    '  listen:',
    `    port: ${port}`,
    '  database:',
    '    client: better-sqlite3',
    '    connection:',
    `      directory: ${dataDir}`,
    'auth:',
    '  environment: development',
    '  providers:',
    '    guest:',
    '      dangerouslyAllowOutsideDevelopment: true',
    '      userEntityRef: user:default/guest',
    'permission:',
    '  enabled: true',
    'catalog:',
    '  rules:',
    '    - allow: [Component, System, API, Resource, Location, User, Group]',
    '  locations:',
    '    - type: file',
    '      target: ../../catalog-info.yaml',
    '',
  ].join('\n');
}

/** Environment for npm and the CLI: the running Node.js first on PATH, its headers for node-gyp. */
function childEnv() {
  const binDir = dirname(process.execPath);
  const env = { ...process.env, PATH: `${binDir}${delimiter}${process.env.PATH}` };
  const prefix = dirname(binDir);
  if (existsSync(join(prefix, 'include/node/node_version.h'))) env.npm_config_nodedir = prefix;
  delete env.NODE_OPTIONS;
  return env;
}

function run(command, commandArgs, cwd, env) {
  const result = spawnSync(command, commandArgs, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
    throw new Error(`${command} ${commandArgs.join(' ')} failed in ${cwd} (exit ${result.status}):\n${output.slice(-6000)}`);
  }
  return result.stdout;
}

async function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

async function waitFor(what, check, timeoutMs, output) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`Timed out waiting for ${what}${last ? ` (${last.message})` : ''}. Backend output:\n${output().slice(-6000)}`);
}

async function json(res, what) {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/** Packs the packages and installs them into a new Backstage app in `hostDir`. */
async function createHostApp(hostDir, env) {
  const tarballDir = join(hostDir, 'tarballs');
  const tarballsIndex = args.indexOf('--tarballs');
  const tarballs = await timed('pack the packages', () => {
    if (tarballsIndex >= 0) {
      const from = resolve(args[tarballsIndex + 1]);
      mkdirSync(tarballDir, { recursive: true });
      return publishedPackages.map(p => {
        const prefix = `${p.name.replace('@', '').replace('/', '-')}-`;
        const file = readdirSync(from).find(f => f.startsWith(prefix) && /^\d/.test(f.slice(prefix.length)) && f.endsWith('.tgz'));
        if (!file) throw new Error(`no tarball of ${p.name} in ${from}`);
        cpSync(join(from, file), join(tarballDir, file));
        return { name: p.name, file: join(tarballDir, file) };
      });
    }
    return packPackages({ outDir: tarballDir, log });
  });
  for (const t of tarballs) log(`  ${basename(t.file)}${t.bytes ? ` ${(t.bytes / 1024).toFixed(1)} kB` : ''}`);

  cpSync(templateDir, hostDir, { recursive: true });
  const manifests = hostManifests(tarballs);
  writeFileSync(join(hostDir, 'package.json'), `${JSON.stringify(manifests.root, null, 2)}\n`);
  writeFileSync(join(hostDir, 'packages/app/package.json'), `${JSON.stringify(manifests.app, null, 2)}\n`);
  writeFileSync(join(hostDir, 'packages/backend/package.json'), `${JSON.stringify(manifests.backend, null, 2)}\n`);
  await timed('npm install (tarballs and their dependencies)', () =>
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], hostDir, env),
  );
}

async function main() {
  const reuseIndex = args.indexOf('--reuse');
  const reuse = reuseIndex >= 0;
  const hostDir = reuse ? resolve(args[reuseIndex + 1]) : mkdtempSync(join(tmpdir(), 'itam-host-app-'));
  if (hostDir.startsWith(repoRoot)) throw new Error('the host app must live outside the repository');
  const env = childEnv();
  log(`Node.js ${process.version}, host app in ${hostDir}`);
  let backend;
  let output = '';
  try {
    if (!reuse) await createHostApp(hostDir, env);
    const installed = JSON.parse(readFileSync(join(hostDir, 'node_modules/@itam/backstage-plugin-itam-backend/package.json'), 'utf8'));
    if (!installed.main.startsWith('dist/')) throw new Error(`installed backend plugin's main is ${installed.main}`);
    const port = await freePort();
    writeFileSync(join(hostDir, 'app-config.yaml'), appConfig({ port, dataDir: mkdtempSync(join(hostDir, 'data-')) }));

    await timed('type-check the host app against the published declarations', () =>
      run(join(hostDir, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], hostDir, env),
    );
    await timed('build the app (backstage-cli package build)', () =>
      run(join(hostDir, 'node_modules/.bin/backstage-cli'), ['package', 'build'], join(hostDir, 'packages/app'), env),
    );

    const baseUrl = `http://localhost:${port}`;
    backend = spawn(
      join(hostDir, 'node_modules/.bin/backstage-cli'),
      ['package', 'start', '--config', join(hostDir, 'app-config.yaml')],
      { cwd: join(hostDir, 'packages/backend'), env, stdio: 'pipe', detached: true },
    );
    backend.stdout.on('data', d => (output += d));
    backend.stderr.on('data', d => (output += d));
    await timed('start the backend on SQLite (backstage-cli package start)', () =>
      waitFor('GET /api/itam/health', async () => (await fetch(`${baseUrl}/api/itam/health`)).ok, 240_000, () => output),
    );

    const token = (await json(await fetch(`${baseUrl}/api/auth/guest/refresh`, { method: 'POST' }), 'guest sign-in')).backstageIdentity.token;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const spec = await json(await fetch(`${baseUrl}/api/itam/openapi.json`, { headers }), 'GET /api/itam/openapi.json');
    // Backstage's validated router serves the document with the plugin's mount path prefixed.
    if (!String(spec.openapi).startsWith('3.') || !spec.paths?.['/api/itam/assets']) {
      throw new Error(`the OpenAPI document has no /api/itam/assets path (openapi ${spec.openapi})`);
    }
    log(`OpenAPI ${spec.openapi} document with ${Object.keys(spec.paths).length} paths`);

    await timed('catalogue ingests the host app entities', () =>
      waitFor('component:default/billing-service in the catalogue', async () =>
        (await fetch(`${baseUrl}/api/catalog/entities/by-name/component/default/billing-service`, { headers })).ok, 120_000, () => output),
    );
    const asset = await json(
      await fetch(`${baseUrl}/api/itam/assets`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ tag: 'SRV-HOST-001', name: 'Billing database server', assetClass: 'hardware', type: 'server', lifecycleStage: 'in-stock' }),
      }),
      'POST /api/itam/assets',
    );
    await json(
      await fetch(`${baseUrl}/api/itam/assets/${asset.id}/entity-links`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ entityRef: 'component:default/billing-service', role: 'runs-on' }),
      }),
      'POST /api/itam/assets/{id}/entity-links',
    );
    log(`registered ${asset.tag} and linked it to component:default/billing-service`);

    await timed('open the Assets tab in Chromium', () => openAssetsTab(baseUrl));
    log(`passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    if (backend && backend.exitCode === null) {
      // The CLI runs the backend in a child process of its own: stop the whole group.
      try {
        process.kill(-backend.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise(r => setTimeout(r, 2000));
      try {
        process.kill(-backend.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (keep || reuse) log(`kept ${hostDir}`);
    else rmSync(hostDir, { recursive: true, force: true });
  }
}

async function openAssetsTab(baseUrl) {
  const require = createRequire(join(repoRoot, 'package.json'));
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.ITAM_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(60_000);
    mkdirSync(artefactsDir, { recursive: true });
    await page.goto(`${baseUrl}/catalog`);
    try {
      await page.getByRole('button', { name: 'Enter' }).click();
      // The guest session is stored once sign-in completes and the catalogue lists the entity;
      // navigating before that lands on the sign-in page again.
      await page.getByRole('link', { name: 'billing-service' }).first().waitFor();
      await page.goto(`${baseUrl}/catalog/default/component/billing-service`);
      await page.getByRole('link', { name: 'Assets', exact: true }).click();
      await page.getByRole('link', { name: 'SRV-HOST-001' }).waitFor();
      await page.getByText('Billing database server').first().waitFor();
      await page.screenshot({ path: join(artefactsDir, 'assets-tab.png'), fullPage: true });
    } catch (error) {
      // What the browser showed is the quickest way to see why.
      await page.screenshot({ path: join(artefactsDir, 'failure.png'), fullPage: true }).catch(() => undefined);
      throw error;
    }
  } finally {
    await browser.close();
  }
}

main().catch(error => {
  console.error(`host-app check failed: ${error.stack ?? error}`);
  process.exit(1);
});
