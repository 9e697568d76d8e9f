import type { Asset } from '../asset/types';
import { parseIsoDay } from '../finance/calendar';
import type { DateWindow } from '../finance/dateWindow';
import { isUnderManagement } from './registerScope';

// The KPIs are defined in two steps: what each one counts in the estate (its facts), and the
// formula over those counts. The in-memory path (`computeKpis`) gathers the facts from whole
// lists; a database can gather the same facts with aggregate queries and hand them to
// `kpisFromFacts`, so one formula serves both and the two can be compared.

/**
 * An asset retired within a KPI window, with what turnover and lifecycle value read about it.
 *
 * @public
 */
export interface RetirementFacts {
  assetId: string;
  /** Day number (days since 1970-01-01, UTC) of the asset's last retirement within the window. */
  retiredDay: number;
  /** Whether the asset is under management at the end of the window (reinstated since). */
  underManagement: boolean;
  /** Day number of its purchase, when the register records one. */
  purchaseDay?: number;
  /** Day number of its planned end of life, when the register records one. */
  endOfLifeDay?: number;
}

/**
 * The counts and sums every KPI is computed from, for one window. A fact left out (`undefined`)
 * makes the KPIs that need it come back with `value: null` and a reason.
 *
 * @public
 */
export interface KpiFacts {
  window: DateWindow;
  /** Distinct assets under management at the end of the window. */
  underManagement: number;
  /** Distinct deployed assets at the end of the window (all under management). */
  deployed: number;
  /** Window TCO of the assets under management, in minor units of one currency. */
  cost?: { currency: string; totalMinor: bigint };
  /** Assets retired within the window, one entry per asset, ordered by id. */
  retirements?: readonly RetirementFacts[];
  /** Distinct (ticket, asset) incident links created within the window on managed assets. */
  incidentFailures?: number;
  /** Reconciled software products, and how many of them are compliant. */
  licences?: { compliant: number; reconciled: number };
  /** Over the audits completed within the window: assets verified, and everything checked. */
  audits?: { verified: number; checked: number };
}

/**
 * What turnover and lifecycle value read about each retired asset, ordered by id. `lookup`
 * answers the asset as the register holds it at the end of the window (undefined once deleted).
 *
 * @public
 */
export function retirementFacts(
  retired: ReadonlyMap<string, number>,
  lookup: (assetId: string) => Pick<Asset, 'lifecycleStage' | 'purchase' | 'endOfLife'> | undefined,
): RetirementFacts[] {
  return [...retired.keys()].sort().map(assetId => {
    const asset = lookup(assetId);
    const purchaseDay = asset?.purchase?.date === undefined ? undefined : parseIsoDay(asset.purchase.date);
    const endOfLifeDay = asset?.endOfLife === undefined ? undefined : parseIsoDay(asset.endOfLife);
    return {
      assetId,
      retiredDay: retired.get(assetId)!,
      underManagement: asset !== undefined && isUnderManagement(asset),
      ...(purchaseDay === undefined ? {} : { purchaseDay }),
      ...(endOfLifeDay === undefined ? {} : { endOfLifeDay }),
    };
  });
}
