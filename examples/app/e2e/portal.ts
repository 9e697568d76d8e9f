// Starts the example portal (the real backend serving the built app, on a free port with its own
// SQLite files) and Debian's Chromium driven by playwright-core, for the browser tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const repoRoot = resolve(__dirname, '../../..');
const backendDir = join(repoRoot, 'examples/backend');
const appDist = join(repoRoot, 'examples/app/dist/index.html');

/** Where screenshots go (ignored by git). */
export const artefactsDir = join(repoRoot, 'test-artefacts/e2e');

/** The browser the tests drive: Debian's package unless ITAM_CHROMIUM names another. */
export const chromiumPath = process.env.ITAM_CHROMIUM ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, log: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`Timed out waiting for ${what}. Backend output:\n${log().slice(-4000)}`);
}

/** A running example portal. */
export interface Portal {
  baseUrl: string;
  browser: Browser;
  /** What the backend has printed so far (stdout and stderr). */
  backendOutput(): string;
  /** A new page, signed in as the guest user. */
  signedInPage(): Promise<Page>;
  stop(): Promise<void>;
}

/** How to start the portal; every option may be left out (the browser tests leave them all). */
export interface PortalOptions {
  /**
   * A directory of plugin databases to start on (`<pluginId>.sqlite`, e.g. a seeded `itam.sqlite`),
   * left in place on stop; by default a fresh temporary one, removed on stop.
   */
  dataDir?: string;
  /** Configuration over the example's (e.g. the ITAM plugin's schedules), as a config file's content. */
  config?: Record<string, unknown>;
  /** How long the backend may take to serve the example catalogue; 120 s by default. */
  startTimeoutMs?: number;
}

/** Starts the portal on a fresh database and waits until the catalogue holds the example. */
export async function startPortal(options: PortalOptions = {}): Promise<Portal> {
  if (!existsSync(appDist)) {
    throw new Error(
      'The example app is not built: run `npm run build -w @itam/example-app` (npm test does it)',
    );
  }
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const workDir = mkdtempSync(join(tmpdir(), 'itam-e2e-'));
  const dataDir = options.dataDir ?? workDir;
  const config = join(workDir, 'app-config.e2e.yaml');
  writeFileSync(
    config,
    [
      'app:',
      `  baseUrl: ${baseUrl}`,
      'backend:',
      `  baseUrl: ${baseUrl}`,
      '  listen:',
      `    port: ${port}`,
      '  database:',
      '    client: better-sqlite3',
      '    connection:',
      `      directory: ${dataDir}`,
      '',
    ].join('\n'),
  );
  const configArgs = ['--config', '../../app-config.yaml', '--config', config];
  if (options.config) {
    // JSON is YAML: the extra configuration needs no serialiser.
    const extra = join(workDir, 'app-config.extra.yaml');
    writeFileSync(extra, JSON.stringify(options.config, null, 2));
    configArgs.push('--config', extra);
  }
  let output = '';
  const backend: ChildProcess = spawn(
    join(repoRoot, 'node_modules/.bin/tsx'),
    ['src/index.ts', ...configArgs],
    { cwd: backendDir, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'pipe' },
  );
  backend.stdout?.on('data', d => (output += d));
  backend.stderr?.on('data', d => (output += d));
  const exited = new Promise<void>(r => backend.once('exit', () => r()));

  const stopBackend = async () => {
    if (backend.exitCode === null) {
      backend.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise(r => (timer = setTimeout(r, 10_000)))]);
      clearTimeout(timer);
      if (backend.exitCode === null) backend.kill('SIGKILL');
    }
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    // The catalogue ingests the example file a few seconds after start.
    await waitFor(
      'the example catalogue',
      async () => {
        const token = await guestToken(baseUrl);
        const res = await fetch(`${baseUrl}/api/catalog/entities/by-name/component/default/payments-api`, {
          headers: { authorization: `Bearer ${token}` },
        });
        // The example policy lets asset managers (group:default/it-ops) do everything: the guest's
        // sign-in carries that membership once the catalogue has related the guest to the group.
        const info = await fetch(`${baseUrl}/api/auth/v1/userinfo`, { headers: { authorization: `Bearer ${token}` } });
        const claims: string[] = info.ok ? ((await info.json()) as { claims?: { ent?: string[] } }).claims?.ent ?? [] : [];
        return res.ok && claims.includes('group:default/it-ops');
      },
      options.startTimeoutMs ?? 120_000,
      () => output,
    );
  } catch (error) {
    await stopBackend();
    throw error;
  }

  mkdirSync(artefactsDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    // Flags for a root sandbox on a machine without network: no background fetches at all.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

  return {
    baseUrl,
    browser,
    backendOutput: () => output,
    async signedInPage() {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
      page.setDefaultTimeout(30_000);
      await page.goto(`${baseUrl}/catalog`);
      await page.getByRole('button', { name: 'Enter' }).click();
      await page.getByRole('heading', { name: /catalog/i }).first().waitFor();
      return page;
    },
    async stop() {
      await browser.close();
      await stopBackend();
    },
  };
}

/** A guest user's Backstage token, for calling the portal's APIs as the signed-in page does. */
export async function guestToken(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, { method: 'POST' });
  if (!res.ok) throw new Error(`guest sign-in failed: ${res.status}`);
  const body = (await res.json()) as { backstageIdentity: { token: string } };
  return body.backstageIdentity.token;
}

/** Saves a full-page screenshot as test-artefacts/e2e/<name>.png. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(artefactsDir, `${name}.png`), fullPage: true });
}
