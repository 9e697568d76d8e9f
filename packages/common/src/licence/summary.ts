import { LICENCE_STATUSES, type LicencePositionSummary, type LicenceStatus, type ProductPosition } from './resultTypes';
import { sumTrueUps } from './trueUp';

/**
 * What the summary reads of a product position.
 *
 * @public
 */
export interface LicencePositionTotals {
  status: LicenceStatus;
  trueUp: ProductPosition['trueUp'];
  harvestCandidates: number;
}

/** @public */
export function positionTotals(position: Pick<ProductPosition, 'status' | 'trueUp' | 'harvestCandidates'>): LicencePositionTotals {
  return { status: position.status, trueUp: position.trueUp, harvestCandidates: position.harvestCandidates.length };
}

/**
 * Totals over product positions: counts per status, the compliance rate, the total true-up cost
 * and the number of harvest candidates.
 *
 * @throws {@link ItamValidationError} when the positions' true-ups are in different currencies
 *   (possible only when positions from different reconciliations are mixed).
 * @public
 */
export function summarizeLicencePositions(positions: readonly ProductPosition[]): LicencePositionSummary {
  return summarizeLicenceTotals(positions.map(positionTotals));
}

/**
 * {@link summarizeLicencePositions} over what it reads of each position, in the positions' order.
 *
 * @public
 */
export function summarizeLicenceTotals(positions: readonly LicencePositionTotals[]): LicencePositionSummary {
  const byStatus = Object.fromEntries(LICENCE_STATUSES.map(s => [s, 0])) as Record<LicenceStatus, number>;
  let harvestCandidates = 0;
  for (const p of positions) {
    byStatus[p.status]++;
    harvestCandidates += p.harvestCandidates;
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
