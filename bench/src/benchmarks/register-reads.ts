// Reads over HTTP against the real plugin: the entity asset lookup, a filtered register page, the
// register searched by text (one asset's tag or serial), the KPIs, the maturity assessment, a page of risk findings (filtered as the risk page and the
// entity tab filter them) and an open audit campaign's page (figures and findings), at growing register sizes, each compared with an empty authenticated
// route on the same server (the baseline), with the register page, and with itself at the
// smallest size; the first evaluation of every risk finding; the server's peak RSS over all that;
// and the KPI dashboard's eight requests at once on a server started afresh, with its peak RSS.
import { mockCredentials } from '@backstage/backend-test-utils';
import { migrateItamDatabase } from '@itam/backstage-plugin-itam-backend';
import autocannon from 'autocannon';
import knexFactory, { type Knex } from 'knex';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { BENCH_CAMPAIGN_ID, entityCount, seedAuditCampaign, seedRegister } from '../data/registerData';
import { peakRssMb, resetPeakRss, rssMb, startReadServer } from '../servers/readServerProcess';
import { quantile, seededRandom, type Benchmark, type BenchOptions, type BenchRow } from '../harness';

interface Measured {
  p50: number;
  p99: number;
  rps: number;
  /** MB the kernel read from disk meanwhile (Linux), undefined elsewhere. */
  diskReadMb?: number;
}

/**
 * KiB read from block devices since boot (Linux's `pgpgin`). Shows when a measurement read its
 * database from disk rather than from memory: on a machine that reclaims page cache, a large
 * database's pages do not all stay cached between seeding and reading.
 */
function diskReadKiB(): number | undefined {
  try {
    const line = readFileSync('/proc/vmstat', 'utf8').match(/^pgpgin (\d+)$/m);
    return line ? Number(line[1]) : undefined;
  } catch {
    return undefined;
  }
}

async function load(url: string, paths: () => string, seconds: number): Promise<Measured> {
  const readBefore = diskReadKiB();
  const result = await autocannon({
    url,
    connections: 10,
    duration: seconds,
    headers: { authorization: mockCredentials.user.header() },
    requests: [{ setupRequest: req => ({ ...req, path: paths() }) }],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  const readAfter = diskReadKiB();
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    ...(readBefore !== undefined && readAfter !== undefined && { diskReadMb: (readAfter - readBefore) / 1024 }),
  };
}

const ROUTE_NAMES = ['baseline', 'entity', 'register', 'search', 'kpis', 'maturity', 'risks', 'audit'] as const;
type RouteName = (typeof ROUTE_NAMES)[number];

const median = (values: number[]) => quantile(values, 0.5);

/** Each figure's median over the rounds; disk reads are summed, being a total. */
function medianOf(rounds: Measured[]): Measured {
  const reads = rounds.map(m => m.diskReadMb);
  return {
    p50: median(rounds.map(m => m.p50)),
    p99: median(rounds.map(m => m.p99)),
    rps: median(rounds.map(m => m.rps)),
    ...(reads.every(r => r !== undefined) && { diskReadMb: reads.reduce((a, b) => a + b, 0) }),
  };
}

/**
 * What the KPI dashboard asks for when it opens (KpiDashboardPage): the KPIs of its default window
 * (the last 90 days), of each of the six months its trend draws, and the maturity assessment.
 */
function dashboardPaths(today: string): string[] {
  const [year, month] = today.split('-').map(Number);
  const months = [5, 4, 3, 2, 1, 0].map(back => {
    const first = new Date(Date.UTC(year, month - 1 - back, 1)).toISOString().slice(0, 10);
    const last = new Date(Date.UTC(year, month - back, 0)).toISOString().slice(0, 10);
    return `/api/itam/kpis?from=${first}&to=${back === 0 ? today : last}`;
  });
  return ['/api/itam/kpis', ...months, '/api/itam/maturity'];
}

/**
 * Opens the KPI dashboard `times` times, its eight requests at once each time; the slowest
 * opening in ms. The first opening computes the six months' KPIs (the measured rounds only read
 * the default window), as a dashboard opened after a write does.
 */
async function openDashboard(base: string, times: number): Promise<number> {
  let slowest = 0;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await Promise.all(
      dashboardPaths(new Date().toISOString().slice(0, 10)).map(async path => {
        const res = await fetch(`${base}${path}`, { headers: { authorization: mockCredentials.user.header() } });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${path}: ${res.status}`);
      }),
    );
    slowest = Math.max(slowest, performance.now() - started);
  }
  return slowest;
}

/** Sightings in the open audit campaign: what auditors reported, the same at every size. */
const AUDIT_OBSERVATIONS = 2000;

interface Target {
  label: string;
  client: 'better-sqlite3' | 'pg';
  prepare(size: number): Promise<{ connection: string; cleanup(): Promise<void> }>;
}

const sqliteTarget: Target = {
  label: 'sqlite',
  client: 'better-sqlite3',
  async prepare() {
    const dir = mkdtempSync(join(tmpdir(), 'itam-bench-'));
    const filename = join(dir, 'itam.sqlite');
    return { connection: filename, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

function postgresTarget(url: string): Target {
  return {
    label: 'postgres',
    client: 'pg',
    async prepare(size) {
      const name = `itam_bench_${size}_${process.pid}`;
      const admin = new Client({ connectionString: `${url}/postgres` });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      return {
        connection: `${url}/${name}`,
        cleanup: async () => {
          const c = new Client({ connectionString: `${url}/postgres` });
          await c.connect();
          await c.query(`drop database if exists ${name} with (force)`);
          await c.end();
        },
      };
    },
  };
}

async function openKnex(client: string, connection: string): Promise<Knex> {
  const knex = knexFactory({
    client,
    connection: client === 'pg' ? connection : { filename: connection },
    useNullAsDefault: true,
  });
  if (client === 'better-sqlite3') await knex.raw('PRAGMA journal_mode = WAL');
  return knex;
}

/**
 * One request at a time, for routes too slow to put under load: the median of `times` requests'
 * latencies in ms, or undefined when a request fails or takes longer than the time limit.
 */
async function singleRequests(url: string, times: number, limitMs: number): Promise<number | undefined> {
  const latencies: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    try {
      const res = await fetch(url, { headers: { authorization: mockCredentials.user.header() }, signal: AbortSignal.timeout(limitMs) });
      await res.arrayBuffer();
      if (!res.ok) return undefined;
    } catch {
      return undefined;
    }
    latencies.push(performance.now() - started);
  }
  return median(latencies);
}

/**
 * How big the database is next to the memory that caches it: at a million assets the files
 * outgrow PostgreSQL's shared buffers (128 MB by default), and reads go to the operating system.
 */
async function storageContext(client: string, knex: Knex): Promise<string> {
  if (client === 'pg') {
    const { rows } = await knex.raw(
      "select pg_size_pretty(pg_database_size(current_database())) as size, current_setting('shared_buffers') as buffers",
    );
    return `database ${rows[0].size}, shared_buffers ${rows[0].buffers}`;
  }
  const [{ bytes }] = await knex.raw('select page_count * page_size as bytes from pragma_page_count(), pragma_page_size()');
  return `database ${Math.round(bytes / 2 ** 20)} MB`;
}

async function runTarget(target: Target, sizes: number[], options: BenchOptions): Promise<BenchRow[]> {
  const seconds = options.quick ? 2 : 5;
  const warmUpSeconds = options.quick ? 1 : 2;
  const roundCount = options.quick ? 1 : 3;
  const rows: BenchRow[] = [];
  const p99At: Record<string, number[]> = { entity: [], register: [], search: [], kpis: [], maturity: [], risks: [], audit: [] };
  for (const size of sizes) {
    const db = await target.prepare(size);
    try {
      const knex = await openKnex(target.client, db.connection);
      await migrateItamDatabase(knex);
      const seeding = Date.now();
      await seedRegister(knex, size, options.seed);
      await seedAuditCampaign(knex, size, AUDIT_OBSERVATIONS, options.seed);
      const seededIn = ((Date.now() - seeding) / 1000).toFixed(1);
      options.log(`${target.label}: ${size} assets seeded in ${seededIn} s; ${await storageContext(target.client, knex)}`);
      await knex.destroy();
      const starting = Date.now();
      const { port, child } = await startReadServer(target.client, db.connection);
      // Start-up includes the plugin's statistics refresh (and vacuum, on PostgreSQL).
      options.log(`${target.label}: server up in ${((Date.now() - starting) / 1000).toFixed(1)} s`);
      try {
        const base = `http://127.0.0.1:${port}`;
        const random = seededRandom(options.seed + size);
        const entities = entityCount(size);
        const routes = {
          baseline: () => '/api/baseline/empty',
          // As the entity tab asks for it: each asset with its licence status.
          entity: () => `/api/itam/entities/component/default/service-${Math.floor(random() * entities)}/assets?include=licences`,
          register: () =>
            `/api/itam/assets?assetClass=hardware&lifecycleStage=deployed&owner=group:default/team-${Math.floor(random() * 200)}&limit=50`,
          // The register's search box: part of one asset's tag, or its serial, in lower case.
          search: () => {
            const i = Math.floor(random() * size);
            return random() < 0.5
              ? `/api/itam/assets?q=${String(i).padStart(8, '0')}&limit=25`
              : `/api/itam/assets?q=sn${(i * 7919).toString(36)}&limit=25`;
          },
          // The KPI dashboard's default: the last 90 days.
          kpis: () => '/api/itam/kpis',
          maturity: () => '/api/itam/maturity',
          // The risk page's first page, one of its filters, or an entity tab's findings.
          risks: () => {
            const r = random();
            if (r < 0.25) return '/api/itam/risks?limit=50';
            if (r < 0.5) return '/api/itam/risks?limit=50&severity=high,critical&ruleId=end-of-life,end-of-support';
            if (r < 0.75) return `/api/itam/risks?limit=50&owner=group:default/team-${Math.floor(random() * 200)}`;
            return `/api/itam/risks?limit=500&entityRef=component:default/service-${Math.floor(random() * entities)}`;
          },
          // The open campaign's page: its figures, its first findings, or one kind of finding.
          audit: () => {
            const r = random();
            const campaign = `/api/itam/audits/${BENCH_CAMPAIGN_ID}`;
            if (r < 0.4) return campaign;
            if (r < 0.7) return `${campaign}/findings?limit=50`;
            return `${campaign}/findings?limit=50&kind=location-mismatch`;
          },
        };
        // The first read of the findings starts the evaluation of every asset (as the scheduled
        // task would) and answers 503 "not yet" after 10 s while it runs; asked again every few
        // seconds, the first full answer marks its end.
        const evaluating = performance.now();
        let first: number | undefined;
        while (first === undefined && performance.now() - evaluating < 1_800_000) {
          first = await singleRequests(`${base}/api/itam/risks?limit=1`, 1, 1_800_000);
          if (first === undefined) await new Promise(resolve => setTimeout(resolve, 2000));
        }
        const evaluatedMs = performance.now() - evaluating;
        if (first === undefined) throw new Error(`${target.label} ${size}: the first risk evaluation failed or took over 30 min`);
        options.log(`${target.label} ${size}: every risk finding evaluated in ${(evaluatedMs / 1000).toFixed(1)} s`);
        // A short unmeasured pass over every route first: a server that has been up for a while has
        // compiled its hot code and prepared its statements; the first seconds after start have not.
        for (const path of Object.values(routes)) await load(base, path, warmUpSeconds);
        // Rounds of the three routes in turn, so that a passing disturbance of this noisy machine
        // hits one round of each rather than one route's only measurement; each figure is the
        // median over the rounds, and each ratio the median of the rounds' ratios.
        const rounds: Record<RouteName, Measured[]> = { baseline: [], entity: [], register: [], search: [], kpis: [], maturity: [], risks: [], audit: [] };
        for (let round = 0; round < roundCount; round++) {
          for (const name of ROUTE_NAMES) rounds[name].push(await load(base, routes[name], seconds));
        }
        const serverPeak = peakRssMb(child.pid);
        child.kill();
        // The KPI dashboard's eight requests at once on a server started afresh (as after a
        // deploy), with its peak memory: what the dashboard needs, not what the first risk
        // evaluation and the rounds left in this server's heap (reported apart, below).
        const fresh = await startReadServer(target.client, db.connection);
        let dashboardMs: number;
        let dashboardPeak: number | undefined;
        let startedRss: number | undefined;
        try {
          startedRss = rssMb(fresh.child.pid);
          const resetPeak = resetPeakRss(fresh.child.pid);
          dashboardMs = await openDashboard(`http://127.0.0.1:${fresh.port}`, 5);
          dashboardPeak = resetPeak ? peakRssMb(fresh.child.pid) : undefined;
        } finally {
          fresh.child.kill();
        }
        const [baseline, entity, register, search, kpis, maturity, risks, audit] = ROUTE_NAMES.map(name => medianOf(rounds[name]));
        p99At.entity.push(entity.p99);
        p99At.register.push(register.p99);
        p99At.search.push(search.p99);
        p99At.kpis.push(kpis.p99);
        p99At.maturity.push(maturity.p99);
        p99At.risks.push(risks.p99);
        p99At.audit.push(audit.p99);
        const label = `register-reads/${target.label} ${size.toLocaleString('en-US')}`;
        const row = (metric: string, value: number, unit: string, goal?: string, met?: boolean): BenchRow => ({
          benchmark: label,
          metric,
          value,
          unit,
          ...(goal ? { target: goal, met } : {}),
        });
        rows.push(row('risk findings: first full evaluation', evaluatedMs / 1000, 's'));
        for (const [name, m] of [
          ['baseline', baseline],
          ['entity lookup', entity],
          ['register page', register],
          ['register search', search],
          ['KPIs', kpis],
          ['maturity', maturity],
          ['risk findings page', risks],
          ['audit campaign', audit],
        ] as const) {
          rows.push(row(`${name} p50`, m.p50, 'ms'), row(`${name} p99`, m.p99, 'ms'), row(`${name} req/s`, m.rps, 'req/s'));
          if (m.diskReadMb !== undefined) rows.push(row(`${name}: read from disk meanwhile`, m.diskReadMb, 'MB'));
        }
        const ratios: string[] = [];
        for (const [name, route] of [['entity lookup', 'entity'], ['register page', 'register']] as const) {
          const each = rounds[route].map((m, i) => m.p99 / Math.max(rounds.baseline[i].p99, 1));
          const ratio = median(each);
          rows.push(row(`${name} p99 / baseline p99`, ratio, 'x', '<= 3', ratio <= 3));
          ratios.push(`${name} ${each.map(r => r.toFixed(2)).join(', ')}`);
        }
        for (const [name, route] of [
          ['KPIs', 'kpis'],
          ['maturity', 'maturity'],
          ['risk findings page', 'risks'],
          ['audit campaign', 'audit'],
        ] as const) {
          const ratio = median(rounds[route].map((m, i) => m.p99 / Math.max(rounds.register[i].p99, 1)));
          rows.push(row(`${name} p99 / register page p99`, ratio, 'x', '<= 3', ratio <= 3));
        }
        // No target of its own: a text search tests every candidate's text, and no issue sets
        // one yet; printed beside the register page so that a change is seen.
        rows.push(row('register search p99 / register page p99', median(rounds.search.map((m, i) => m.p99 / Math.max(rounds.register[i].p99, 1))), 'x'));
        rows.push(row('KPI dashboard opened (8 requests at once) on a fresh server: slowest of 5', dashboardMs, 'ms'));
        if (startedRss !== undefined) rows.push(row('fresh server: RSS once started', startedRss, 'MB'));
        if (dashboardPeak !== undefined) {
          rows.push(row('KPI dashboard: server peak RSS', dashboardPeak, 'MB', '<= 512', dashboardPeak <= 512));
        }
        if (serverPeak !== undefined) rows.push(row('server peak RSS before the dashboard (first risk evaluation and the rounds included)', serverPeak, 'MB'));
        const fromDisk = (m: Measured) => (m.diskReadMb === undefined ? '' : ` (${m.diskReadMb.toFixed(0)} MB read from disk)`);
        options.log(
          `${target.label} ${size}: baseline p99 ${baseline.p99} ms, entity p99 ${entity.p99} ms${fromDisk(entity)}, ` +
            `register p99 ${register.p99} ms${fromDisk(register)}, search p99 ${search.p99} ms, KPIs p99 ${kpis.p99} ms, maturity p99 ${maturity.p99} ms, ` +
            `risks p99 ${risks.p99} ms, audit p99 ${audit.p99} ms; p99 ratios by round: ${ratios.join('; ')}`,
        );
      } finally {
        child.kill();
      }
    } finally {
      await db.cleanup();
    }
  }
  for (const name of ['entity', 'register', 'search', 'kpis', 'maturity', 'risks', 'audit'] as const) {
    const [first, last] = [p99At[name][0], p99At[name][p99At[name].length - 1]];
    const ratio = last / Math.max(first, 1);
    rows.push({
      benchmark: `register-reads/${target.label}`,
      metric: `${name} p99 at ${sizes[sizes.length - 1].toLocaleString('en-US')} / at ${sizes[0].toLocaleString('en-US')}`,
      value: ratio,
      unit: 'x',
      ...(name !== 'search' && { target: '<= 2', met: ratio <= 2 }),
    });
  }
  return rows;
}

async function postgresUrl(): Promise<string | undefined> {
  const url = process.env.ITAM_BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
  const c = new Client({ connectionString: `${url}/postgres`, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return url;
  } catch {
    return undefined;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const benchmark: Benchmark = {
  name: 'register-reads',
  description:
    'entity asset lookup, filtered register page, register search, KPIs, maturity and risk findings pages over HTTP vs an empty authenticated route and the register page; first risk evaluation; server peak RSS',
  async run(options) {
    // ITAM_BENCH_READ_SIZES (e.g. 1000000) and ITAM_BENCH_READ_DATABASES (sqlite, postgres) narrow
    // a run, to repeat one measurement without the others.
    const sizes = process.env.ITAM_BENCH_READ_SIZES
      ? process.env.ITAM_BENCH_READ_SIZES.split(',').map(Number)
      : options.quick
        ? [1_000, 10_000]
        : [10_000, 100_000, 1_000_000];
    const databases = (process.env.ITAM_BENCH_READ_DATABASES ?? 'sqlite,postgres').split(',');
    const rows = databases.includes('sqlite') ? await runTarget(sqliteTarget, sizes, options) : [];
    const pg = databases.includes('postgres') ? await postgresUrl() : undefined;
    if (pg) rows.push(...(await runTarget(postgresTarget(pg), sizes, options)));
    else if (databases.includes('postgres')) options.log('PostgreSQL not reachable: read benchmark on SQLite only');
    return rows;
  },
};

export default benchmark;
