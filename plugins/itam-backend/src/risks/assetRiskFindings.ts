import { evaluateRiskFindings, type Asset, type RiskConfig, type RiskFinding } from '@itam/common';
import type { Knex } from 'knex';
import { lastVerifiedIn } from '../audits/KnexAuditStore';
import { rowToAsset, type AssetRow } from '../database/rows';
import type { RiskFindingRow, RiskFindingStore } from './RiskFindingStore';

/** Assets evaluated per read. */
export const ASSET_FINDINGS_BATCH = 500;

/** How the asset rules are run: the day, the configuration, and where to report an asset they refuse. */
export interface AssetRiskEvaluation {
  /** ISO date-time of the evaluation (its UTC day is the rules' `asOf`). */
  at: string;
  config?: RiskConfig;
  onAssetError?: (asset: Asset, error: unknown) => void;
}

/**
 * The findings of the asset rules (end of life and support, warranty, owner, audit, sanitisation)
 * about some assets: each rule reads only the asset and the last time an audit saw it, so any
 * batch of assets is evaluated alone. An asset the rules refuse (a date the schema let through
 * and the rules cannot read) is reported and has no findings rather than failing the batch.
 */
export function evaluateAssetFindings(
  assets: readonly Asset[],
  lastVerified: ReadonlyMap<string, string>,
  evaluation: AssetRiskEvaluation,
): RiskFindingRow[] {
  const owners = new Map(assets.map(a => [a.id, a.owner]));
  const run = (batch: readonly Asset[]): RiskFinding[] =>
    evaluateRiskFindings(
      {
        asOf: evaluation.at,
        assets: batch,
        verifications: batch.flatMap(a => {
          const at = lastVerified.get(a.id);
          return at ? [{ assetId: a.id, verifiedOn: at.slice(0, 10) }] : [];
        }),
      },
      evaluation.config ?? {},
    );
  let findings: RiskFinding[];
  try {
    findings = run(assets);
  } catch {
    findings = assets.flatMap(asset => {
      try {
        return run([asset]);
      } catch (error) {
        evaluation.onAssetError?.(asset, error);
        return [];
      }
    });
  }
  return findings.map(finding => ({ finding, owner: owners.get(finding.assetId!) }));
}

/**
 * Re-evaluates the findings about some assets inside the transaction that wrote them (or one of
 * the scheduled task's), reading the assets through it: on PostgreSQL the rows are read `for
 * share`, so a concurrent write of the same asset waits and its own refresh comes last.
 */
export async function refreshAssetFindings(
  trx: Knex.Transaction,
  findings: RiskFindingStore,
  assetIds: readonly string[],
  evaluation: AssetRiskEvaluation,
  /** The assets as this transaction wrote them (it holds them), when the caller has them. */
  written?: readonly Asset[],
): Promise<number> {
  let total = 0;
  const ids = [...new Set(assetIds)];
  const inHand = new Map(written?.map(a => [a.id, a]));
  for (let i = 0; i < ids.length; i += ASSET_FINDINGS_BATCH) {
    const batch = ids.slice(i, i + ASSET_FINDINGS_BATCH);
    const missing = batch.filter(id => !inHand.has(id));
    const assets = batch.flatMap(id => inHand.get(id) ?? []);
    if (missing.length > 0) {
      const query = trx<AssetRow>('itam_assets').whereIn('id', missing).select('data');
      const rows: Pick<AssetRow, 'data'>[] = trx.client.config.client === 'pg' ? await query.forShare() : await query;
      assets.push(...rows.map(rowToAsset));
    }
    const found = evaluateAssetFindings(assets, await lastVerifiedIn(trx, batch), evaluation);
    await findings.replaceAssetFindings(trx, batch, found, evaluation.at);
    total += found.length;
  }
  return total;
}
