import { evaluateRiskFindings, type Asset, type RiskConfig, type RiskFinding } from '@itam/common';
import type { Knex } from 'knex';
import { lastVerifiedIn } from '../audits/KnexAuditStore';
import { rowToAsset, type AssetRow } from '../database/rows';
import type { RiskFindingRow, RiskFindingStore } from './RiskFindingStore';
import { isPg } from '../database/engine';

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
 * On PostgreSQL, the scheduled re-evaluation of a batch and the refreshes inside writes exclude
 * each other through this advisory lock (writes share it): a batch never reads an asset that a
 * write in progress has changed and then stores findings after that write's own refresh. Cheaper
 * than locking the rows read (which writes to every row of a million-asset table).
 */
const FINDINGS_LOCK = 0x17a3_0001;

/**
 * Re-evaluates the findings about some assets inside the transaction that wrote them (or one of
 * the scheduled task's, `exclusive`), reading the assets through it.
 */
export async function refreshAssetFindings(
  trx: Knex.Transaction,
  findings: RiskFindingStore,
  assetIds: readonly string[],
  evaluation: AssetRiskEvaluation,
  /** The assets as this transaction wrote them (it holds them), when the caller has them. */
  written?: readonly Asset[],
  /** A batch of the scheduled re-evaluation rather than a write's refresh. */
  exclusive = false,
): Promise<number> {
  if (isPg(trx)) {
    await trx.raw(exclusive ? 'select pg_advisory_xact_lock(?)' : 'select pg_advisory_xact_lock_shared(?)', [FINDINGS_LOCK]);
  }
  let total = 0;
  const ids = [...new Set(assetIds)];
  const inHand = new Map(written?.map(a => [a.id, a]));
  for (let i = 0; i < ids.length; i += ASSET_FINDINGS_BATCH) {
    const batch = ids.slice(i, i + ASSET_FINDINGS_BATCH);
    const missing = batch.filter(id => !inHand.has(id));
    const assets = batch.flatMap(id => inHand.get(id) ?? []);
    if (missing.length > 0) {
      const rows: Pick<AssetRow, 'data'>[] = await trx<AssetRow>('itam_assets').whereIn('id', missing).select('data');
      assets.push(...rows.map(rowToAsset));
    }
    const found = evaluateAssetFindings(assets, await lastVerifiedIn(trx, batch), evaluation);
    await findings.replaceAssetFindings(trx, batch, found, evaluation.at);
    total += found.length;
  }
  return total;
}
