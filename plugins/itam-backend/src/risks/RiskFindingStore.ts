import type { RiskFinding, RiskFindingCounts, RiskRuleId, RiskSeverity } from '@itam/common';
import type { Knex } from 'knex';
import type { AssetVisibility } from '../database/AssetStore';

/** A finding to store, with the owner of its asset (for the owner filter). */
export interface RiskFindingRow {
  finding: RiskFinding;
  owner?: string;
}

/** Where a page of findings starts: the sort key of the last finding of the previous page. */
export interface RiskFindingPosition {
  severityRank: number;
  sortLabel: string;
  ruleId: string;
  subjectId: string;
}

/**
 * A listed finding as the API serves it: the {@link RiskFindingItem} as JSON text (the stored
 * finding with its key and first-seen time, never parsed on the way out), with what counts it.
 */
export interface ListedRiskFinding {
  json: string;
  ruleId: RiskRuleId;
  severity: RiskSeverity;
}

/** The filters of a findings list (each list: any of its values). */
export interface RiskFindingFilter {
  severities?: readonly RiskSeverity[];
  ruleIds?: readonly RiskRuleId[];
  owner?: string;
  entityRef?: string;
  assetIds?: readonly string[];
  /** A conditional read: findings about assets outside these criteria are left out. */
  visible?: AssetVisibility;
}

/**
 * The stored risk findings: one row per rule and subject, refreshed per asset as assets change
 * and per kind (licence findings) after each reconciliation.
 */
export interface RiskFindingStore {
  /**
   * Replaces the findings about these assets with `rows` (findings about other assets in `rows`
   * are not allowed), inside the caller's transaction; a finding found again keeps its first-seen
   * time. Assets absent from the register lose their findings.
   */
  replaceAssetFindings(trx: Knex.Transaction, assetIds: readonly string[], rows: readonly RiskFindingRow[], at: string): Promise<void>;
  /** Replaces every finding about subjects of these kinds (products, entitlements, devices). */
  replaceSubjectFindings(kinds: readonly RiskFinding['subject']['kind'][], findings: readonly RiskFinding[], at: string): Promise<void>;
  /** Removes the findings of assets no longer in the register and recounts every rule and severity. */
  sweep(): Promise<void>;
  /**
   * Has the database count the findings again, so that its planner reads an asset's findings
   * through the index while a first evaluation grows the table from nothing.
   */
  refreshStatistics(): Promise<void>;
  /** A page of findings in severity then tag order, after `after`; `last` is set when more follow. */
  list(filter: RiskFindingFilter, page: { limit: number; after?: RiskFindingPosition }): Promise<{ items: ListedRiskFinding[]; last?: RiskFindingPosition }>;
  /** The facet counts of the filtered list. */
  counts(filter: RiskFindingFilter): Promise<RiskFindingCounts>;
}
