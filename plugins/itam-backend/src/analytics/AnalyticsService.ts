import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ImpactGraph, MaturityAssessment, RiskFinding } from '@itam/common';
import type { AuditStore } from '../audits/AuditStore';
import type { KnexAssetStore } from '../database/KnexAssetStore';
import { loadEstate } from './estate';
import { ImpactGraphSource } from './impactGraph';
import { computeKpiReport, computeMaturity, type KpiReport } from './kpis';
import { computeRiskFindings } from './riskFindings';
import { SnapshotStore, type Snapshot } from './SnapshotStore';

/** Snapshot kinds the periodic task writes. */
export const RISK_FINDINGS_SNAPSHOT = 'risk-findings';

/**
 * The estate-wide analytics of the plugin: risk findings (computed periodically and kept as a
 * snapshot), KPIs and maturity (computed on request for a window), and the change-impact graph
 * (cached for a minute).
 */
export class AnalyticsService {
  private readonly snapshots: SnapshotStore;
  private readonly graphs: ImpactGraphSource;

  constructor(
    private readonly deps: {
      store: KnexAssetStore;
      audits: AuditStore;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      clock?: () => Date;
    },
  ) {
    this.snapshots = new SnapshotStore(deps.store.knex);
    this.graphs = new ImpactGraphSource({ store: deps.store, catalog: deps.catalog, auth: deps.auth });
  }

  private now(): string {
    return (this.deps.clock ?? (() => new Date()))().toISOString();
  }

  /**
   * The periodic task's body: refreshes planner statistics and recomputes the risk findings.
   * Returns what it wrote.
   */
  async recompute(): Promise<{ riskFindings: number; computedAt: string }> {
    await this.deps.store.refreshStatistics();
    const computedAt = this.now();
    const estate = await loadEstate(this.deps.store, this.deps.audits);
    const findings = computeRiskFindings(estate, computedAt);
    await this.snapshots.put(RISK_FINDINGS_SNAPSHOT, computedAt, findings);
    this.graphs.invalidate();
    this.deps.logger.info(
      `ITAM analytics recomputed: ${findings.length} risk findings over ${estate.assets.length} assets`,
    );
    return { riskFindings: findings.length, computedAt };
  }

  /** The latest risk findings; computed now if the periodic task has not run yet. */
  async riskFindings(): Promise<Snapshot<RiskFinding[]>> {
    const snapshot = await this.snapshots.get<RiskFinding[]>(RISK_FINDINGS_SNAPSHOT);
    if (snapshot) return snapshot;
    await this.recompute();
    return (await this.snapshots.get<RiskFinding[]>(RISK_FINDINGS_SNAPSHOT))!;
  }

  async kpis(window: { from: string; to: string }, currency?: string): Promise<KpiReport> {
    const estate = await loadEstate(this.deps.store, this.deps.audits);
    const events = await this.deps.store.listTransitions(
      `${window.from}T00:00:00.000Z`,
      `${window.to}T23:59:59.999Z`,
    );
    return computeKpiReport(estate, window, {
      currency,
      lifecycleEvents: events.map(e => ({ assetId: e.assetId, at: e.at, transition: e.transition })),
    });
  }

  async maturity(asOf: string): Promise<MaturityAssessment> {
    return computeMaturity(await loadEstate(this.deps.store, this.deps.audits), asOf);
  }

  impactGraph(): Promise<ImpactGraph> {
    return this.graphs.get();
  }
}
