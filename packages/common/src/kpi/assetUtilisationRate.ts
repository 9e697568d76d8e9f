import type { Asset } from '../asset/types';
import { parseDateWindow, type DateWindow } from '../finance/dateWindow';
import type { KpiFacts } from './kpiFacts';
import { kpiResult, type KpiDefinition, type KpiResult } from './kpiResult';
import { assetsUnderManagement } from './registerScope';

/** @public */
export const ASSET_UTILISATION_RATE: KpiDefinition = {
  id: 'asset-utilisation-rate',
  name: 'Asset utilisation rate',
  unit: 'ratio',
  definition:
    'Assets deployed ÷ assets under management (in-stock, deployed or maintenance), in the register ' +
    'snapshot taken at the end of the window. Planned and ordered assets are not held yet; retired and ' +
    'disposed assets are no longer managed; an asset in maintenance is held but not in use.',
};

/**
 * Asset utilisation rate: the share of assets under management that are deployed (in use).
 *
 * @throws {@link ItamValidationError} for a bad window.
 * @public
 */
export function assetUtilisationRate(input: { window: DateWindow; assets: readonly Asset[] }): KpiResult {
  const deployed = new Set(input.assets.filter(a => a.lifecycleStage === 'deployed').map(a => a.id));
  return utilisationFromFacts({ window: input.window, underManagement: assetsUnderManagement(input.assets).size, deployed: deployed.size });
}

/**
 * Asset utilisation rate from the counts it reads.
 *
 * @throws {@link ItamValidationError} for a bad window.
 * @public
 */
export function utilisationFromFacts(facts: Pick<KpiFacts, 'window' | 'underManagement' | 'deployed'>): KpiResult {
  parseDateWindow(facts.window, 'window', 'KPI input');
  return kpiResult(ASSET_UTILISATION_RATE, facts.window, facts.deployed, facts.underManagement, 'no assets under management');
}
