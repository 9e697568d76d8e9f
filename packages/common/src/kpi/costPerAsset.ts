import type { Asset } from '../asset/types';
import { ItamValidationError, type ValidationIssue } from '../errors';
import { assetTco } from '../finance/assetTco';
import type { AssetCostsInput } from '../finance/costItem';
import { CURRENCY_CODE_PATTERN, minorToNumber, roundToMinor } from '../finance/currency';
import { parseDateWindow, type DateWindow } from '../finance/dateWindow';
import { fromNumber, rational, roundHalfAwayFromZero } from '../finance/rational';
import { throwIfIssues } from './kpiInputs';
import type { KpiFacts } from './kpiFacts';
import { kpiResult, type KpiDefinition, type KpiResult } from './kpiResult';
import { assetsUnderManagement } from './registerScope';

/** @public */
export const COST_PER_ASSET: KpiDefinition = {
  id: 'cost-per-asset',
  name: 'Cost per asset (TCO)',
  unit: 'currency per asset',
  definition:
    'Σ total cost of ownership within the window (acquisition, maintenance, support, licence share and ' +
    'disposal; one-off costs by date, contracts pro-rated by day) of the assets under management ÷ the ' +
    'number of assets under management at the end of the window. An asset without cost records counts ' +
    'as zero cost; costs of assets not under management are left out.',
};

/**
 * The costs the cost-per-asset KPI reads: every asset's costs, all in one currency.
 *
 * @public
 */
export interface KpiCosts {
  currency: string;
  assets: readonly AssetCostsInput[];
}

/**
 * Cost per asset: window TCO of the managed estate per asset under management. The numerator
 * and value are money in `costs.currency` (value rounded to the minor unit).
 *
 * @throws {@link ItamValidationError} for a bad window or cost, an asset listed twice, or a cost in
 * another currency (amounts are never converted silently).
 * @public
 */
export function costPerAsset(input: { window: DateWindow; assets: readonly Asset[]; costs: KpiCosts }): KpiResult {
  const managed = assetsUnderManagement(input.assets);
  const cost = windowCostFacts(input.window, input.costs, managed);
  return costPerAssetFromFacts({ window: input.window, underManagement: managed.size, cost });
}

/**
 * Σ window TCO of the managed assets, in minor units of the costs' currency.
 *
 * @throws {@link ItamValidationError} for a bad window or cost, an asset listed twice, or a cost
 * in another currency.
 * @public
 */
export function windowCostFacts(
  window: DateWindow,
  costsInput: KpiCosts,
  managed: ReadonlySet<string>,
): NonNullable<KpiFacts['cost']> {
  parseDateWindow(window, 'window', 'KPI input');
  const { currency } = costsInput;
  const issues: ValidationIssue[] = [];
  if (typeof currency !== 'string' || !CURRENCY_CODE_PATTERN.test(currency)) {
    issues.push({ path: 'costs.currency', message: 'must be an ISO 4217 code such as EUR' });
  }
  const seen = new Set<string>();
  let totalMinor = 0n;
  costsInput.assets.forEach((costs, i) => {
    const path = `costs.assets.${i}`;
    if (costs.currency !== currency) {
      issues.push({
        path: `${path}.currency`,
        message: `is ${costs.currency} but the KPI is in ${currency}; convert it first (amounts are never converted silently)`,
      });
      return;
    }
    if (seen.has(costs.assetId)) issues.push({ path: `${path}.assetId`, message: `duplicates asset ${costs.assetId}` });
    seen.add(costs.assetId);
    try {
      const tco = assetTco(costs, { window });
      if (managed.has(tco.assetId)) totalMinor += roundToMinor(fromNumber(tco.total), currency);
    } catch (e) {
      if (!(e instanceof ItamValidationError)) throw e;
      issues.push(...e.issues.map(issue => ({ path: issue.path ? `${path}.${issue.path}` : path, message: issue.message })));
    }
  });
  throwIfIssues(issues, 'KPI input');
  return { currency, totalMinor };
}

/**
 * Cost per asset from the window TCO of the managed estate (minor units) and its size.
 *
 * @throws {@link ItamValidationError} for a bad window.
 * @public
 */
export function costPerAssetFromFacts(
  facts: Pick<KpiFacts, 'window' | 'underManagement'> & { cost: NonNullable<KpiFacts['cost']> },
): KpiResult {
  parseDateWindow(facts.window, 'window', 'KPI input');
  const { currency, totalMinor } = facts.cost;
  const count = facts.underManagement;
  return kpiResult(
    { ...COST_PER_ASSET, unit: `${currency} per asset` },
    facts.window,
    minorToNumber(totalMinor, currency),
    count,
    'no assets under management',
    // Divided in minor units and rounded once, so the value is exact to the cent.
    () => minorToNumber(roundHalfAwayFromZero(rational(totalMinor, BigInt(count))), currency),
  );
}
