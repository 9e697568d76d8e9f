// The portal's ITAM pages in a real browser: the example portal (examples/backend serving the
// built examples/app) on a plugin database seeded with a generated register, and Chromium at
// 1440 x 1000 opening every ITAM page a user can open. Per page: the time from navigation start
// to its main content (a proof that data rendered, e.g. the first row's tag), the median of 5
// visits after a warm-up, at a small and a large register; the ratio of the two (flat with size
// is the target); the rows of its longest table (long lists paginated, not rendered whole); the page's
// JS heap; and the slowest ITAM API request meanwhile, to say what a slow page waits for.
import { migrateItamDatabase } from '@itam/backstage-plugin-itam-backend';
import { rebuildEntityAssetItems } from '../../../plugins/itam-backend/src/database/entityAssetItems';
import knexFactory from 'knex';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { guestToken, startPortal, type Portal } from '../../../examples/app/e2e/portal';
import { generateLicenceEstate, seedLicenceDatabase, type LicenceSizes } from '../data/licenceData';
import { BENCH_CAMPAIGN_ID, seedAuditCampaign, seedRegister } from '../data/registerData';
import { quantile, seededRandom, type Benchmark, type BenchOptions, type BenchRow } from '../harness';

/** The example catalogue's component whose Assets tab lists thousands of assets. */
const ENTITY = { ref: 'component:default/payments-api', path: '/catalog/default/component/payments-api' };
/** Assets linked to {@link ENTITY} (fewer on a smaller register): an entity tab that is long. */
const ENTITY_ASSETS = 3000;
/** Sightings in the open audit campaign, as in register-reads. */
const AUDIT_OBSERVATIONS = 2000;
const VISITS = 5;
/** A page that takes longer than this is recorded as not shown. */
const VISIT_LIMIT_MS = 120_000;
/** The most rows a paginated table shows (its largest page size), per table. */
const MAX_ROWS = 100;

/**
 * The licence estate beside a register of `size` assets: at a million, the licence benchmark's
 * (a million installations on 50k devices, 5k products, 20k entitlements); smaller in proportion.
 */
function licenceSizes(size: number): LicenceSizes {
  const scale = size / 1_000_000;
  const products = Math.max(20, Math.round(5_000 * scale));
  return {
    installations: size,
    devices: Math.max(100, Math.round(50_000 * scale)),
    products,
    entitlements: products * 4,
    userAssignments: Math.round(100_000 * scale),
    concurrentPeaks: products,
  };
}

/** The product most installations name (the generator favours low numbers): the longest product page. */
const LICENCE_PRODUCT = 'prd-0';

const pad = (i: number, width: number) => String(i).padStart(width, '0');
const assetId = (i: number) => `00000000-0000-4000-8000-${pad(i, 12)}`;
const assetTag = (i: number) => `A-${pad(i, 8)}`;

/** Indices of the generated assets linked to {@link ENTITY}: spread over the whole register. */
function entityAssetIndices(size: number): number[] {
  const count = Math.min(ENTITY_ASSETS, Math.floor(size / 2));
  const step = Math.floor(size / count);
  return Array.from({ length: count }, (_, k) => k * step);
}

/**
 * A register of `size` generated assets (one component link each), the open hardware count,
 * {@link ENTITY}'s links, and a licence estate ({@link licenceSizes}; its devices are assets too), in `itam.sqlite` in `dir`: the file Backstage's SQLite connector opens
 * for the plugin `itam` when `connection.directory` is `dir`.
 */
async function seedPortalDatabase(dir: string, size: number, seed: number): Promise<void> {
  const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: join(dir, 'itam.sqlite') }, useNullAsDefault: true });
  try {
    await knex.raw('PRAGMA journal_mode = WAL');
    await migrateItamDatabase(knex);
    await seedRegister(knex, size, seed);
    await seedAuditCampaign(knex, size, AUDIT_OBSERVATIONS, seed);
    const licences = licenceSizes(size);
    await seedLicenceDatabase(knex, generateLicenceEstate(licences, seededRandom(seed)), licences.devices);
    const links = entityAssetIndices(size).map(i => ({
      asset_id: assetId(i),
      entity_ref: ENTITY.ref,
      role: 'runs-on',
      created_by: 'bench',
      created_at: '2026-01-01T00:00:00.000Z',
    }));
    for (let k = 0; k < links.length; k += 100) await knex('itam_entity_links').insert(links.slice(k, k + 100));
    // The entity lookup reads stored items, built from the links as after a bulk load.
    await rebuildEntityAssetItems(knex);
  } finally {
    await knex.destroy();
  }
}

/** One ITAM page a user can open, and what proves its data rendered. */
interface PageSpec {
  name: string;
  path: string;
  ready(page: Page): Promise<unknown>;
  /**
   * For a page reached by acting on another (a filter has no URL): measured from `act` instead of
   * from navigation, once `path` is ready.
   */
  act?(page: Page): Promise<unknown>;
}

/** The first table row whose text matches, visible. */
const row = (page: Page, text: RegExp) => page.locator('table tbody tr', { hasText: text }).first().waitFor();
const TAG = /A-\d{8}/;

function pageSpecs(size: number): PageSpec[] {
  const linked = entityAssetIndices(size);
  const asset = linked[Math.floor(linked.length / 2)];
  const searched = Math.floor(size * 0.7) + 3;
  const registerReady = (page: Page) => row(page, TAG);
  return [
    // The baseline: a catalogue page, which the register's size does not touch.
    { name: 'catalogue index (baseline, not ITAM)', path: '/catalog', ready: page => row(page, /payments-api/) },
    { name: 'register', path: '/itam/assets', ready: registerReady },
    {
      name: 'register filtered by class (from choosing it)',
      path: '/itam/assets',
      async act(page) {
        await page.getByRole('button', { name: /Class/ }).click();
        await page.getByRole('option', { name: 'Hardware' }).click();
      },
      ready: page =>
        page.waitForFunction(() => {
          const rows = [...document.querySelectorAll('table tbody tr')];
          return rows.length > 0 && rows.every(r => (r.children[1]?.textContent ?? '').startsWith('Hardware'));
        }),
    },
    {
      name: 'register searched by tag (from typing it)',
      path: '/itam/assets',
      act: page => page.getByRole('searchbox', { name: 'Search' }).fill(assetTag(searched)),
      ready: page =>
        page.waitForFunction(tag => {
          const rows = [...document.querySelectorAll('table tbody tr')];
          return rows.length === 1 && (rows[0].textContent ?? '').includes(tag);
        }, assetTag(searched)),
    },
    { name: 'asset page', path: `/itam/assets/${assetId(asset)}`, ready: page => page.getByRole('heading', { name: new RegExp(assetTag(asset)) }).first().waitFor() },
    {
      name: 'asset edit form',
      path: `/itam/assets/${assetId(asset)}/edit`,
      ready: page => page.waitForFunction(tag => [...document.querySelectorAll('input')].some(i => i.value === tag), assetTag(asset)),
    },
    { name: 'new asset form', path: '/itam/assets/new', ready: page => page.getByRole('textbox', { name: 'Asset tag' }).waitFor() },
    {
      name: 'KPI dashboard',
      path: '/itam/kpis',
      ready: page =>
        Promise.all([
          page.getByRole('group', { name: 'Compliance rate' }).waitFor(),
          page.getByText(/Level \d of 5/).waitFor(),
          page.getByRole('figure', { name: 'Compliance rate by month' }).waitFor(),
        ]),
    },
    // The worst findings come first: at a million, licence shortfalls (products) and devices of
    // the licence estate fill the first page, so any subject proves the page rendered.
    { name: 'risk findings', path: '/itam/risks', ready: page => row(page, /A-\d{8}|DEV-\d+|Product \d+/) },
    {
      name: `licence positions (${licenceSizes(size).products} products)`,
      path: '/itam/licences',
      ready: page => row(page, /Product \d+/),
    },
    {
      name: 'product licence position (most installed product)',
      path: `/itam/licences/${LICENCE_PRODUCT}`,
      ready: page =>
        Promise.all([
          page.getByRole('region', { name: 'Position' }).locator('table tbody tr').first().waitFor(),
          page.getByRole('region', { name: 'Installations' }).locator('table tbody tr').first().waitFor(),
        ]),
    },
    { name: 'imports', path: '/itam/imports', ready: page => page.getByLabel('File to import').waitFor() },
    { name: 'audit campaigns', path: '/itam/audits', ready: page => row(page, /Hardware count/) },
    { name: 'audit campaign', path: `/itam/audits/${BENCH_CAMPAIGN_ID}`, ready: page => row(page, /A-\d{8}|X-\d+/) },
    {
      name: `entity overview card (${linked.length} assets)`,
      path: ENTITY.path,
      ready: page => page.locator('[aria-label="Linked assets"] [role="listitem"]').first().waitFor(),
    },
    { name: `entity Assets tab (${linked.length} assets)`, path: `${ENTITY.path}/assets`, ready: page => row(page, TAG) },
    {
      name: `entity Assets tab, licence and risk columns loaded`,
      path: `${ENTITY.path}/assets`,
      ready: page =>
        page.waitForFunction(() => {
          const rows = [...document.querySelectorAll('table tbody tr')];
          return rows.length > 0 && !rows.some(r => (r.textContent ?? '').includes('Loading…'));
        }, undefined, { polling: 100 }),
    },
  ];
}

interface Visit {
  ms: number;
  rows: number;
  heapMb?: number;
  /** The slowest ITAM API request that finished meanwhile. */
  slowest?: { url: string; ms: number };
}

/** The ITAM API requests a page makes, with how long each took (request sent to body read). */
function watchApi(page: Page) {
  let finished: { url: string; ms: number }[] = [];
  page.on('requestfinished', (request: Request) => {
    if (!request.url().includes('/api/itam/')) return;
    const t = request.timing();
    // Long id lists cut short: the path and the first parameters say which request it is.
    const url = request.url().replace(/^https?:\/\/[^/]+/, '');
    if (t.responseEnd >= 0) finished.push({ url: url.length > 100 ? `${url.slice(0, 100)}…` : url, ms: t.responseEnd });
  });
  return {
    reset: () => (finished = []),
    slowest: () => finished.reduce<{ url: string; ms: number } | undefined>((s, r) => (!s || r.ms > s.ms ? r : s), undefined),
  };
}

async function visit(page: Page, baseUrl: string, spec: PageSpec, api: ReturnType<typeof watchApi>): Promise<Visit> {
  await page.goto('about:blank');
  let started = performance.now();
  await page.goto(`${baseUrl}${spec.path}`, { waitUntil: 'commit' });
  if (spec.act) {
    await row(page, TAG);
    api.reset();
    started = performance.now();
    await spec.act(page);
  } else {
    api.reset();
  }
  await spec.ready(page);
  const ms = performance.now() - started;
  const { rows, heap } = await page.evaluate(() => ({
    // Per list: a page of several sections (a product's entitlements, installations, consumers)
    // shows a page of each; what must not happen is one list rendered whole.
    rows: Math.max(
      0,
      ...[...document.querySelectorAll('table tbody')].map(body => body.querySelectorAll('tr').length),
      document.querySelectorAll('[aria-label="Linked assets"] [role="listitem"]').length,
    ),
    // Chromium's non-standard heap figure.
    heap: (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize,
  }));
  const slowest = api.slowest();
  return { ms, rows, ...(heap !== undefined && { heapMb: heap / 2 ** 20 }), ...(slowest && { slowest }) };
}

interface PageResult {
  name: string;
  firstMs: number;
  medianMs: number;
  rows: number;
  heapMb?: number;
  slowest?: { url: string; ms: number };
  failed?: string;
}

/** Waits until the backend has printed a line matching `pattern`. */
async function waitForLog(portal: Portal, pattern: RegExp, what: string, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!pattern.test(portal.backendOutput())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}:\n${portal.backendOutput().slice(-3000)}`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

/**
 * The first evaluation of every risk finding: the first read starts it and answers 503 "not yet"
 * while it runs; asked again every few seconds, the first 200 marks its end.
 */
async function waitForRiskEvaluation(baseUrl: string): Promise<number> {
  const started = performance.now();
  const token = await guestToken(baseUrl);
  while (performance.now() - started < 1_800_000) {
    const res = await fetch(`${baseUrl}/api/itam/risks?limit=1`, { headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
    await res?.arrayBuffer();
    if (res?.ok) return performance.now() - started;
    await new Promise(r => setTimeout(r, 2000));
  }
  throw new Error('the first risk evaluation took over 30 min');
}

/** The first licence reconciliation, which the first read of the positions starts and waits for. */
async function waitForLicencePositions(baseUrl: string): Promise<number> {
  const started = performance.now();
  const token = await guestToken(baseUrl);
  const res = await fetch(`${baseUrl}/api/itam/licences/positions`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(1_800_000),
  });
  const body = (await res.json()) as { products?: unknown[] };
  if (!res.ok || !body.products?.length) throw new Error(`the licence positions did not load: ${res.status}`);
  return performance.now() - started;
}

async function measureSize(size: number, options: BenchOptions): Promise<PageResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'itam-bench-portal-'));
  try {
    const seeding = performance.now();
    await seedPortalDatabase(dir, size, options.seed);
    options.log(`${size} assets: seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    const starting = performance.now();
    const portal = await startPortal({
      dataDir: dir,
      startTimeoutMs: 900_000,
      config: {
        itam: {
          // The scheduled recompute would re-evaluate every finding in the middle of the visits;
          // the bench starts the first evaluation itself and waits for its end.
          analytics: { schedule: { frequency: { hours: 24 }, timeout: { hours: 1 }, initialDelay: { hours: 24 } } },
          // The catalogue module would publish every generated asset as a Resource entity (a
          // million, at the full size): catalogue ingestion in the same process throughout the
          // visits. Publishing none keeps its read of the register, which is waited for below.
          catalog: { frequency: { hours: 24 }, maxDataClassification: 'public' },
        },
      },
    });
    try {
      const output = portal.backendOutput();
      if (!/ITAM register not empty; example data not loaded/.test(output)) {
        throw new Error(`the portal did not start on the seeded register:\n${output.slice(-3000)}`);
      }
      options.log(
        `${size} assets: portal up in ${((performance.now() - starting) / 1000).toFixed(1)} s on ${readdirSync(dir).filter(f => f.endsWith('.sqlite')).join(', ')}`,
      );
      const evaluatedMs = await waitForRiskEvaluation(portal.baseUrl);
      options.log(`${size} assets: every risk finding evaluated in ${(evaluatedMs / 1000).toFixed(1)} s`);
      const reconciledMs = await waitForLicencePositions(portal.baseUrl);
      options.log(`${size} assets: licence positions reconciled in ${(reconciledMs / 1000).toFixed(1)} s`);
      await waitForLog(portal, /Published \d+ ITAM assets as catalogue resources/, "the catalogue module's read of the register", 900_000);
      const page = await portal.signedInPage();
      const api = watchApi(page);
      const results: PageResult[] = [];
      for (const spec of pageSpecs(size)) {
        page.setDefaultTimeout(VISIT_LIMIT_MS);
        const visits: Visit[] = [];
        try {
          for (let v = 0; v <= VISITS; v++) visits.push(await visit(page, portal.baseUrl, spec, api));
        } catch (error) {
          const failed = String(error instanceof Error ? error.message : error).split('\n')[0];
          options.log(`${size} assets: ${spec.name}: FAILED after ${visits.length} visits: ${failed}`);
          results.push({ name: spec.name, firstMs: visits[0]?.ms ?? VISIT_LIMIT_MS, medianMs: VISIT_LIMIT_MS, rows: visits[0]?.rows ?? 0, failed });
          continue;
        }
        const [first, ...measured] = visits;
        const median = quantile(measured.map(m => m.ms), 0.5);
        const last = measured[measured.length - 1];
        const slowests = measured.flatMap(m => (m.slowest ? [m.slowest] : []));
        const slowest = slowests.length > 0 ? { url: slowests[0].url, ms: quantile(slowests.map(s => s.ms), 0.5) } : undefined;
        results.push({
          name: spec.name,
          firstMs: first.ms,
          medianMs: median,
          rows: last.rows,
          ...(last.heapMb !== undefined && { heapMb: last.heapMb }),
          ...(slowest && { slowest }),
        });
        options.log(
          `${size} assets: ${spec.name}: median ${median.toFixed(0)} ms (visits ${measured.map(m => m.ms.toFixed(0)).join(', ')}; warm-up ${first.ms.toFixed(0)}), ` +
            `${last.rows} rows, heap ${last.heapMb?.toFixed(1) ?? '?'} MB` +
            (slowest ? `; slowest API request ${slowest.url} median ${slowest.ms.toFixed(0)} ms` : ''),
        );
      }
      await page.close();
      return results;
    } finally {
      await portal.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const benchmark: Benchmark = {
  name: 'portal-pages',
  description:
    'every ITAM page of the example portal in Chromium at 1440x1000: time to its main content (median of 5 after a warm-up), at a small and a large register, the ratio, rows of the longest table, JS heap',
  async run(options) {
    // ITAM_BENCH_PORTAL_SIZES (e.g. 10000,1000000) chooses the two sizes.
    const sizes = process.env.ITAM_BENCH_PORTAL_SIZES
      ? process.env.ITAM_BENCH_PORTAL_SIZES.split(',').map(Number)
      : options.quick
        ? [1_000, 10_000]
        : [10_000, 1_000_000];
    const bySize: PageResult[][] = [];
    for (const size of sizes) bySize.push(await measureSize(size, options));
    const [small, large] = [sizes[0], sizes[sizes.length - 1]];
    const label = (n: number) => n.toLocaleString('en-US');
    const rows: BenchRow[] = [];
    const baseline = bySize[bySize.length - 1][0];
    bySize[bySize.length - 1].forEach((atLarge, p) => {
      const atSmall = bySize[0][p];
      const benchmark = `portal-pages/${atLarge.name}`;
      for (const [size, r] of [[small, atSmall], [large, atLarge]] as const) {
        // A page not shown within the limit counts as the limit: a lower bound.
        const metric = `median to main content at ${label(size)}${r.failed ? ` (not shown within ${VISIT_LIMIT_MS / 1000} s)` : ''}`;
        rows.push({ benchmark, metric, value: r.medianMs, unit: 'ms' });
      }
      const ratio = atLarge.medianMs / atSmall.medianMs;
      rows.push({ benchmark, metric: `at ${label(large)} / at ${label(small)}`, value: ratio, unit: 'x', target: '<= 2', met: ratio <= 2 });
      if (p > 0) rows.push({ benchmark, metric: `/ catalogue index at ${label(large)}`, value: atLarge.medianMs / baseline.medianMs, unit: 'x' });
      rows.push({
        benchmark,
        metric: `rows of its longest table at ${label(large)}`,
        value: atLarge.rows,
        unit: 'rows',
        target: `<= ${MAX_ROWS}`,
        met: atLarge.rows <= MAX_ROWS,
      });
      if (atLarge.heapMb !== undefined) rows.push({ benchmark, metric: `JS heap at ${label(large)}`, value: atLarge.heapMb, unit: 'MB' });
      // Which request it was is in the log: a URL would widen the table past reading.
      for (const [size, r] of [[small, atSmall], [large, atLarge]] as const) {
        if (r.slowest) rows.push({ benchmark, metric: `slowest ITAM API request at ${label(size)}`, value: r.slowest.ms, unit: 'ms' });
      }
    });
    return rows;
  },
};

export default benchmark;
