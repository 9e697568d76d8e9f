import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Knex } from 'knex';
import {
  assessMaturityFromFacts,
  riskFindingCountsFromGroups,
  DEFAULT_RISK_CONFIG,
  evaluateRiskFindings,
  kpisFromFacts,
  noticeWindows,
  resolveMaturityModel,
  type ItamSettings,
  type RiskConfig,
} from '@itam/common';
import type {
  Asset,
  ImpactGraph,
  KpiReport,
  LicencePositionResponse,
  MaturityAssessment,
  RiskFindingCounts,
  RiskFindingItem,
  RiskFindingsResponse,
} from '@itam/common';
import type { AuditStore } from '../audits/AuditStore';
import type { KnexAssetStore } from '../database/KnexAssetStore';
import type { AssetVisibility } from '../database/AssetStore';
import { KnexLicenceStore } from '../licences/KnexLicenceStore';
import { licenceRiskInputs } from '../licences/licenceRiskInputs';
import { reconcileStoredFamily, type ReconciledRun } from '../licences/reconcileStoredLicences';
import { inThreadReconciliation, type LicenceReconciliationRunner } from '../licences/reconciliationWorker';
import type { LicenceStore } from '../licences/LicenceStore';
import { KnexRiskFindingStore } from '../risks/KnexRiskFindingStore';
import type { ListedRiskFinding, RiskFindingFilter, RiskFindingPosition, RiskFindingStore } from '../risks/RiskFindingStore';
import { ASSET_FINDINGS_BATCH, refreshAssetFindings, type AssetRiskEvaluation } from '../risks/assetRiskFindings';
import { assetTagsOf } from '../risks/assetTags';
import { closedAuditEvidence } from './auditEvidence';
import { readKpiFacts } from './kpiFacts';
import { CatalogueGraphSource } from './impactGraph';
import { impactGraphFor } from './impactNeighbourhood';
import { registerVersionOf, VersionedResults } from './registerVersion';
import { SingleFlight } from './singleFlight';
import { readMaturityFacts } from './maturityFacts';
import { KnexSnapshotStore, type SnapshotStore } from './SnapshotStore';
import {
  KnexLicencePositionStore,
  SUPERSEDED_RUNS_KEPT_MS,
  type LicencePositionStore,
  type LicencePositionsView,
} from '../licences/LicencePositionStore';

/** KPIs over every asset (products' positions, audits' findings): not shown to a conditional read. */
const ESTATE_WIDE_KPIS: ReadonlySet<string> = new Set(['licence-compliance-rate', 'register-accuracy']);

/** Lacking asset ids listed per maturity criterion (the counts are complete). */
const MATURITY_LACKING_LISTED = 20;

/**
 * How long a read of the findings waits for the first evaluation of the estate (started by it if
 * the scheduled task has not yet) before answering that it is under way: seconds for a small
 * register, minutes for a million assets, more than a request should hold a connection.
 */
const FIRST_EVALUATION_WAIT_MS = 10_000;

/** Where the first evaluation of the estate is, for a reader told to come back. */
interface FirstEvaluationProgress {
  phase: 'licences' | 'assets';
  assetsEvaluated: number;
}

/** Snapshot kinds the periodic task writes. */
export const RISK_FINDINGS_SNAPSHOT = 'risk-findings';
export { LICENCE_POSITIONS_SNAPSHOT } from '../licences/LicencePositionStore';

/**
 * The estate-wide analytics of the plugin: risk findings (stored as rows, refreshed by the writes
 * and re-evaluated periodically), licence positions (rows per reconciliation run, reconciled a
 * part at a time, by the plugin in a worker thread), KPIs and maturity (computed on request for a
 * window), and the change-impact graph
 * (cached for a minute).
 */
export class AnalyticsService {
  private readonly snapshots: SnapshotStore;
  private readonly catalogue: CatalogueGraphSource;
  private readonly licences: LicenceStore;
  private readonly findings: RiskFindingStore;
  private readonly positions: LicencePositionStore;
  private readonly kpiRuns = new SingleFlight<KpiReport>();
  private readonly maturityRuns = new SingleFlight<MaturityAssessment>();
  private readonly kpiResults: VersionedResults<KpiReport>;
  private readonly maturityResults: VersionedResults<MaturityAssessment>;
  /** The periodic recompute in flight, shared. */
  private recomputeInFlight?: Promise<{ riskFindings: number; licenceProducts: number; computedAt: string }>;
  /** How far the recompute in flight is. */
  private progress?: FirstEvaluationProgress;
  private reconcileTimer?: ReturnType<typeof setTimeout>;
  private stopped = false;
  /** Licence reconciliations in flight, by the generation of the positions they started at. */
  private readonly positionsInFlight = new Map<number, Promise<LicencePositionsView>>();

  constructor(
    private readonly deps: {
      store: KnexAssetStore;
      audits: AuditStore;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      /** The licence data; the knex store on the plugin's database when absent. */
      licences?: LicenceStore;
      /** The risk rules' configuration (`itam.risk`), whose windows and tiers the UIs show too. */
      risk?: RiskConfig;
      clock?: () => Date;
      /**
       * How long after the last licence write the positions are reconciled in the background, so
       * the next read finds them stored (default 2 s); `false` leaves it to the next read.
       */
      reconcileAfterWrites?: { delayMs: number } | false;
      /**
       * How long the first read of the findings waits for the first evaluation of the estate
       * before answering 503 (default 10 s); reads of an entity's or some assets' findings
       * evaluate those assets at once instead.
       */
      firstEvaluationWaitMs?: number;
      /**
       * How a licence reconciliation runs (the plugin's: in a worker thread, see
       * reconciliationWorker.ts); by default on this thread, through the stores above.
       */
      licenceReconciliation?: LicenceReconciliationRunner;
    },
  ) {
    this.snapshots = KnexSnapshotStore.create(deps.store.knex);
    this.licences = deps.licences ?? KnexLicenceStore.create(deps.store.knex);
    this.findings = KnexRiskFindingStore.create(deps.store.knex);
    this.positions = KnexLicencePositionStore.create(deps.store.knex);
    // Figures are reused until the next committed write (see registerVersion.ts).
    const version = registerVersionOf(deps.store.knex);
    this.kpiResults = new VersionedResults(version);
    this.maturityResults = new VersionedResults(version);
    this.catalogue = new CatalogueGraphSource({ catalog: deps.catalog, auth: deps.auth, logger: deps.logger });
  }

  private now(): string {
    return (this.deps.clock ?? (() => new Date()))().toISOString();
  }

  /**
   * The periodic task's body: refreshes planner statistics, reconciles the licence positions and
   * re-evaluates every risk finding (dates move on: a warranty ends without any write). Returns
   * what it wrote.
   */
  recompute(): Promise<{ riskFindings: number; licenceProducts: number; computedAt: string }> {
    // Concurrent recomputes (the periodic task, a first read of the findings) share one run.
    this.recomputeInFlight ??= this.runRecompute().finally(() => {
      this.recomputeInFlight = undefined;
    });
    return this.recomputeInFlight;
  }

  private async runRecompute() {
    this.progress = { phase: 'licences', assetsEvaluated: 0 };
    try {
      return await this.recomputeAll();
    } finally {
      this.progress = undefined;
    }
  }

  private async recomputeAll() {
    await this.deps.store.refreshStatistics();
    const generation = await this.positions.generation();
    const computedAt = this.now();
    const licence = await this.recomputeLicences(computedAt, generation);
    const assetFindings = await this.reevaluateAssets(computedAt);
    await this.findings.sweep();
    // Statistics again, now that the findings are written (the first run writes them all).
    await this.deps.store.refreshStatistics();
    const riskFindings = assetFindings + licence.findings;
    await this.snapshots.put(RISK_FINDINGS_SNAPSHOT, computedAt, { riskFindings });
    this.catalogue.invalidate();
    this.deps.logger.info(
      `ITAM analytics recomputed: ${riskFindings} risk findings (${assetFindings} about assets), ` +
        `${licence.products} licence positions`,
    );
    return { riskFindings, licenceProducts: licence.products, computedAt };
  }

  /**
   * Every asset's findings, re-evaluated a batch at a time, each batch in its own transaction
   * (short, so writes interleave; its assets read in it, so a write cannot be overtaken).
   */
  private async reevaluateAssets(at: string): Promise<number> {
    const db = this.deps.store.knex;
    const evaluation = this.evaluation(at);
    let after: string | undefined;
    let written = 0;
    let evaluated = 0;
    // The findings the planner was told of when the run began (see recomputeAll).
    let countedAt = (await this.findings.counts({})).total;
    if (this.progress) this.progress.phase = 'assets';
    for (;;) {
      const query = db('itam_assets').select('id').orderBy('id').limit(ASSET_FINDINGS_BATCH);
      if (after !== undefined) query.where('id', '>', after);
      const ids = ((await query) as { id: string }[]).map(r => r.id);
      if (ids.length === 0) return written;
      written += await db.transaction(trx => refreshAssetFindings(trx, this.findings, ids, evaluation, undefined, true));
      after = ids[ids.length - 1];
      evaluated += ids.length;
      if (this.progress) this.progress.assetsEvaluated = evaluated;
      // A first evaluation grows the table from nothing: counted again each time it has doubled,
      // the planner keeps reading a batch's old findings through the index (on PostgreSQL with
      // the empty table's counts, each batch scanned every finding: 271 s for a million assets).
      if (written > 2 * countedAt + 10_000) {
        await this.findings.refreshStatistics();
        countedAt = written;
      }
    }
  }

  private evaluation(at: string = this.now()): AssetRiskEvaluation {
    return {
      at,
      ...(this.deps.risk ? { config: this.deps.risk } : {}),
      onAssetError: (asset, error) =>
        this.deps.logger.warn(`ITAM risk rules could not evaluate asset ${asset.tag}: ${String(error)}`),
    };
  }

  /**
   * Re-evaluates the findings of assets a transaction wrote (or whose audit sightings changed),
   * inside it: the findings list never shows an asset as it was before a committed write.
   */
  refreshAssetFindings(trx: Knex.Transaction, assetIds: readonly string[], written?: readonly Asset[]): Promise<number> {
    return refreshAssetFindings(trx, this.findings, assetIds, this.evaluation(), written);
  }

  /** The licence findings (shortfalls, expiring entitlements) of a reconciliation, stored. */
  private async refreshLicenceFindings(run: Pick<ReconciledRun, 'shortfalls' | 'productNames'>, at: string): Promise<number> {
    const risks = licenceRiskInputs(run.shortfalls, run.productNames, await this.licences.listEntitlements());
    const findings = evaluateRiskFindings(
      { asOf: at, assets: [], ...risks, assetTags: await assetTagsOf(this.deps.store.knex, run.shortfalls.deviceIds) },
      this.deps.risk ?? {},
    );
    await this.findings.replaceSubjectFindings(['product', 'entitlement'], findings, at);
    return findings.length;
  }

  /**
   * Reconciles the stored estate into the positions of a run and publishes them unless a licence
   * write came since `generation`.
   */
  private async reconcileLicences(generation: number, computedAt: string) {
    // Runs abandoned a while ago (failed, or served once unpublished) go first.
    await this.positions.dropRuns({ computedBefore: new Date(Date.parse(computedAt) - SUPERSEDED_RUNS_KEPT_MS).toISOString() });
    const reconcile = this.deps.licenceReconciliation ?? inThreadReconciliation({ licences: this.licences, register: this.deps.store, positions: this.positions });
    const run = await reconcile({ asOf: computedAt.slice(0, 10), computedAt });
    return { run, stored: await this.positions.publishIfCurrent(generation, computedAt, run.runId, run.header) };
  }

  private async recomputeLicences(computedAt: string, generation: number) {
    const { run, stored } = await this.reconcileLicences(generation, computedAt);
    // Not published if a licence write invalidated the positions while they were computed.
    if (!stored) await this.positions.dropRuns({ runId: run.runId });
    return { products: run.products, findings: await this.refreshLicenceFindings(run, computedAt) };
  }

  /**
   * A page of the risk findings under a filter, each as the JSON text the API serves, with the
   * facet counts of the whole filtered list; the scheduled task's first run is done now if it has
   * not run yet.
   */
  async riskFindingsPage(
    filter: RiskFindingFilter,
    page: { limit: number; after?: RiskFindingPosition },
  ): Promise<{ computedAt: string; items: ListedRiskFinding[]; counts: RiskFindingCounts; last?: RiskFindingPosition }> {
    const computedAt = await this.findingsComputedAt(filter);
    // An entity's or a few assets' findings mostly fit the first page: when the page holds the
    // whole list (no facet narrowing it), it is its own count, and the entity tab's read costs one
    // query instead of two. Other reads list and count at once.
    const fewAssets = filter.entityRef !== undefined || filter.assetIds !== undefined;
    const unfaceted = !filter.severities?.length && !filter.ruleIds?.length;
    let listed: Awaited<ReturnType<RiskFindingStore['list']>>;
    let counts: RiskFindingCounts;
    if (fewAssets && unfaceted && !page.after) {
      listed = await this.findings.list(filter, page);
      counts = listed.last
        ? await this.findings.counts(filter)
        : riskFindingCountsFromGroups(listed.items.map(f => ({ ruleId: f.ruleId, severity: f.severity, n: 1 })));
    } else {
      [listed, counts] = await Promise.all([this.findings.list(filter, page), this.findings.counts(filter)]);
    }
    return { computedAt, items: listed.items, counts, ...(listed.last ? { last: listed.last } : {}) };
  }

  /**
   * When the stored findings were evaluated. Before the first evaluation of the estate has
   * finished, a read starts it (or joins the scheduled task's) and waits a few seconds; past that,
   * a read of some assets' findings (an entity tab, a ticket's panel) has those assets evaluated
   * now, and an estate-wide read is told to come back (503) with how far the evaluation is.
   */
  private async findingsComputedAt(filter: RiskFindingFilter): Promise<string> {
    const marker = await this.snapshots.get<{ riskFindings: number }>(RISK_FINDINGS_SNAPSHOT);
    if (marker) return marker.computedAt;
    const run = this.recompute();
    // Nobody may be waiting when it fails: the scheduled task reports its own failures.
    run.catch(error => this.deps.logger.warn(`ITAM first risk evaluation failed: ${String(error)}`));
    const waitMs = this.deps.firstEvaluationWaitMs ?? FIRST_EVALUATION_WAIT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finished = await Promise.race([
      run.then(r => r.computedAt),
      new Promise<undefined>(resolve => {
        timer = setTimeout(resolve, waitMs, undefined);
      }),
    ]).finally(() => clearTimeout(timer));
    if (finished !== undefined) return finished;
    const assetIds = await this.assetIdsOf(filter);
    if (assetIds) {
      const at = this.now();
      await this.deps.store.knex.transaction(trx => refreshAssetFindings(trx, this.findings, assetIds, this.evaluation(at)));
      return at;
    }
    const progress = this.progress;
    throw new ServiceUnavailableError(
      'Risk findings are being evaluated for the first time (' +
        (progress?.phase === 'assets' ? `${progress.assetsEvaluated} assets evaluated so far` : 'licence positions are being reconciled') +
        '); ask again in a minute, or filter by entity or asset to see their findings now',
    );
  }

  /** The assets a findings filter is limited to, if it names an entity or assets. */
  private async assetIdsOf(filter: RiskFindingFilter): Promise<string[] | undefined> {
    if (filter.assetIds) return [...filter.assetIds];
    if (filter.entityRef === undefined) return undefined;
    return this.deps.store.listEntityAssetIds(filter.entityRef);
  }

  /** {@link AnalyticsService.riskFindingsPage} with the findings parsed. */
  async riskFindings(
    filter: RiskFindingFilter,
    page: { limit: number; after?: RiskFindingPosition },
  ): Promise<Omit<RiskFindingsResponse, 'nextCursor'> & { last?: RiskFindingPosition }> {
    const listed = await this.riskFindingsPage(filter, page);
    return { ...listed, items: listed.items.map(f => JSON.parse(f.json) as RiskFindingItem) };
  }

  /**
   * The latest licence positions, stored a product per row; reconciled now if the periodic task
   * has not run yet or licence data changed since (risk findings follow on the next periodic run).
   */
  async licencePositions(): Promise<LicencePositionsView> {
    const stored = await this.positions.current();
    if (stored) return stored;
    // Requests that find no positions at the same generation share one reconciliation; a request
    // after a licence write (a later generation) never joins one that started before it.
    const generation = await this.positions.generation();
    let run = this.positionsInFlight.get(generation);
    if (!run) {
      run = this.reconcilePositions(generation).finally(() => this.positionsInFlight.delete(generation));
      this.positionsInFlight.set(generation, run);
    }
    return run;
  }

  /**
   * A product's position with its harvest candidates and explanation (which the stored positions
   * leave out), from its family reconciled now as of the stored positions' day: the stored
   * figures while the evidence has not changed since. Undefined for a product with no position.
   */
  async explainedLicencePosition(productId: string): Promise<LicencePositionResponse | undefined> {
    const positions = await this.licencePositions();
    // Every product is in a fresh report (writes drop the old one).
    if (!(await positions.product(productId))) return undefined;
    const { asOf, harvestAfterDays } = positions.header;
    const computedAt = this.now();
    const position = await reconcileStoredFamily({ licences: this.licences, register: this.deps.store, asOf, productId });
    return position && { computedAt, asOf, harvestAfterDays, ...position };
  }

  private async reconcilePositions(generation: number): Promise<LicencePositionsView> {
    const computedAt = this.now();
    const { run, stored } = await this.reconcileLicences(generation, computedAt);
    if (stored) {
      await this.refreshLicenceFindings(run, computedAt);
      return this.positions.runView(run.runId, computedAt, run.header);
    }
    // A licence write came meanwhile: the positions another run published since, if any, are
    // the newer answer; otherwise this run's (its data may miss that write), kept a while for it.
    return (await this.positions.current()) ?? this.positions.runView(run.runId, computedAt, run.header);
  }

  /**
   * What the pages and panels need to show an asset's dates and tier as the risk findings judge
   * them: the notice windows and the highest critical tier of the risk configuration.
   */
  settings(): ItamSettings {
    const risk = this.deps.risk ?? DEFAULT_RISK_CONFIG;
    return { noticeWindows: noticeWindows(risk), criticalTierMax: risk.criticalTierMax };
  }

  /**
   * Called after a licence write: the next read of the positions reconciles again, and a
   * reconciliation running meanwhile does not store its result.
   */
  async invalidateLicencePositions(): Promise<void> {
    await this.positions.invalidate();
    this.scheduleReconciliation();
  }

  /**
   * Reconciles the positions once licence writes have paused (a bulk of entitlement edits or an
   * import triggers one run, not one per write), off any request: the page read next finds them
   * stored. One run per generation per instance (see {@link AnalyticsService.licencePositions}).
   */
  private scheduleReconciliation() {
    const after = this.deps.reconcileAfterWrites ?? { delayMs: 2000 };
    if (after === false || this.stopped) return;
    clearTimeout(this.reconcileTimer);
    this.reconcileTimer = setTimeout(() => {
      this.reconcileTimer = undefined;
      this.licencePositions().catch(error =>
        this.deps.logger.warn(`ITAM licence positions could not be reconciled after a licence write: ${String(error)}`),
      );
    }, after.delayMs);
    this.reconcileTimer.unref?.();
  }

  /** Cancels a pending background reconciliation (the backend is shutting down). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconcileTimer);
    this.reconcileTimer = undefined;
  }

  /**
   * The KPIs of a window, from aggregate queries (see `kpiFacts.ts`): the estate is counted in the
   * database, never loaded. With a conditional read's criteria (`visible`), the asset KPIs count
   * only the assets the caller may read, and the estate-wide ones (licence compliance, register
   * accuracy: they summarise products and audits over every asset) have no value, saying why.
   */
  kpis(window: { from: string; to: string }, currency?: string, visible?: AssetVisibility): Promise<KpiReport> {
    // Identical requests arriving together (the dashboard's panels, several users) share one run.
    const key = JSON.stringify([window.from, window.to, currency ?? null, visible ?? null]);
    return this.kpiRuns.run(key, () => this.kpiResults.get(key, () => this.computeKpis(window, currency, visible)));
  }

  private async computeKpis(window: { from: string; to: string }, currency?: string, visible?: AssetVisibility): Promise<KpiReport> {
    const events = await this.deps.store.listTransitions(
      `${window.from}T00:00:00.000Z`,
      `${window.to}T23:59:59.999Z`,
    );
    const positions = visible ? [] : await (await this.licencePositions()).compliance();
    const read = await readKpiFacts(this.deps.store.knex, window, {
      ...(currency ? { currency } : {}),
      lifecycleEvents: events.map(e => ({ assetId: e.assetId, at: e.at, ...(e.transition ? { transition: e.transition } : {}) })),
      // Without products under management the compliance rate stays "no data", as before.
      ...(positions.length > 0 ? { licencePositions: positions } : {}),
      audits: visible ? [] : await closedAuditEvidence(this.deps.audits),
      ...(visible ? { visible } : {}),
    });
    const kpis = kpisFromFacts(read.facts);
    return {
      window,
      ...(read.currency ? { currency: read.currency } : {}),
      assetsWithOtherCurrency: read.otherCurrency,
      assetsWithUndatedCost: read.undated,
      kpis: visible
        ? kpis.map(k =>
            ESTATE_WIDE_KPIS.has(k.id)
              ? { ...k, value: null, numerator: 0, denominator: 0, reason: 'Covers the whole estate: your permissions let you read only some assets' }
              : k,
          )
        : kpis,
    };
  }

  /**
   * The maturity assessment on `asOf`, from aggregate queries (see `maturityFacts.ts`): the estate
   * is counted in the database, never loaded.
   */
  maturity(asOf: string): Promise<MaturityAssessment> {
    return this.maturityRuns.run(asOf, () => this.maturityResults.get(asOf, () => this.assessMaturity(asOf)));
  }

  private async assessMaturity(asOf: string): Promise<MaturityAssessment> {
    const positions = await (await this.licencePositions()).compliance();
    const facts = await readMaturityFacts(this.deps.store.knex, asOf, resolveMaturityModel(), {
      audits: await closedAuditEvidence(this.deps.audits),
      ...(positions.length > 0 ? { licensing: { productsUnderManagement: positions.map(p => p.productId), positions } } : {}),
      maxLacking: MATURITY_LACKING_LISTED,
    });
    return assessMaturityFromFacts(facts, { maxLacking: MATURITY_LACKING_LISTED });
  }

  /**
   * The change-impact graph a query needs: the catalogue graph kept in memory, joined with the
   * assets a walk of `maxDepth` hops from the named items can reach, read now.
   */
  async impactGraph(query: { assetIds: readonly string[]; entityRefs: readonly string[] }, maxDepth: number): Promise<ImpactGraph> {
    return impactGraphFor(this.deps.store.knex, await this.catalogue.get(), query, maxDepth);
  }
}
