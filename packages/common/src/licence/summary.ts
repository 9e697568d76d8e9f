import { LICENCE_STATUSES, type LicencePositionSummary, type LicenceStatus, type ProductPosition } from './resultTypes';
import { sumTrueUps } from './trueUp';

/**
 * Totals over product positions: counts per status, the compliance rate, the total true-up cost
 * and the number of harvest candidates.
 *
 * @throws {@link ItamValidationError} when the positions' true-ups are in different currencies
 *   (possible only when positions from different reconciliations are mixed).
 * @public
 */
export function summarizeLicencePositions(positions: readonly ProductPosition[]): LicencePositionSummary {
  const byStatus = Object.fromEntries(LICENCE_STATUSES.map(s => [s, 0])) as Record<LicenceStatus, number>;
  let harvestCandidates = 0;
  for (const p of positions) {
    byStatus[p.status]++;
    harvestCandidates += p.harvestCandidates.length;
  }
  const reconciled = positions.length - byStatus.unreconciled;
  const proven = byStatus.compliant + byStatus['over-licensed'];
  return {
    products: positions.length,
    reconciled,
    byStatus,
    complianceRate: reconciled === 0 ? null : proven / reconciled,
    trueUp: sumTrueUps(positions.map(p => p.trueUp), 'products.trueUp'),
    harvestCandidates,
  };
}
