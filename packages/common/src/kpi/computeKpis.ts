import type { Asset } from '../asset/types';
import { parseDateWindow, type DateWindow } from '../finance/dateWindow';
import { ASSET_LIFECYCLE_VALUE, assetLifecycleValue } from './assetLifecycleValue';
import { ASSET_TURNOVER_RATE, assetTurnoverRate } from './assetTurnoverRate';
import { ASSET_UTILISATION_RATE, assetUtilisationRate } from './assetUtilisationRate';
import { complianceRate, LICENCE_COMPLIANCE_RATE } from './complianceRate';
import { COST_PER_ASSET, costPerAsset, type KpiCosts } from './costPerAsset';
import { ASSET_FAILURE_INCIDENT_RATE, assetFailureIncidentRate } from './incidentRate';
import type { AssetTicketLink, AuditEvidence, LicenceCompliance, LifecycleEvent } from './kpiInputs';
import { unavailableKpi, type KpiDefinition, type KpiResult } from './kpiResult';
import { REGISTER_ACCURACY, registerAccuracy } from './registerAccuracy';

/**
 * Every KPI's definition, in the order {@link computeKpis} returns them.
 *
 * @public
 */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  ASSET_UTILISATION_RATE,
  COST_PER_ASSET,
  LICENCE_COMPLIANCE_RATE,
  ASSET_LIFECYCLE_VALUE,
  ASSET_FAILURE_INCIDENT_RATE,
  ASSET_TURNOVER_RATE,
  REGISTER_ACCURACY,
];

/**
 * Everything the KPIs read for one window. Inputs left out (`undefined`) make the KPIs that need
 * them come back with `value: null` and a reason; an empty list is data (e.g. "no incidents").
 *
 * @public
 */
export interface KpiInput {
  window: DateWindow;
  /** The register snapshot, taken at the end of the window. */
  assets: readonly Asset[];
  ticketLinks?: readonly AssetTicketLink[];
  audits?: readonly AuditEvidence[];
  licencePositions?: readonly LicenceCompliance[];
  /** Lifecycle transitions (history events), for turnover and lifecycle value. */
  lifecycleEvents?: readonly LifecycleEvent[];
  costs?: KpiCosts;
}

/**
 * Computes the seven KPIs (design §7: utilisation, cost per asset, compliance, lifecycle value,
 * incident rate, turnover, plus register accuracy) for a window, in {@link KPI_DEFINITIONS} order.
 *
 * @throws {@link ItamValidationError} for a bad window or input, with the field path.
 * @public
 */
export function computeKpis(input: KpiInput): KpiResult[] {
  const { window, assets } = input;
  parseDateWindow(window, 'window', 'KPI input');
  const missing = (d: KpiDefinition, what: string) => unavailableKpi(d, window, `no ${what} supplied`);
  return [
    assetUtilisationRate({ window, assets }),
    input.costs ? costPerAsset({ window, assets, costs: input.costs }) : missing(COST_PER_ASSET, 'cost data'),
    input.licencePositions
      ? complianceRate({ window, licencePositions: input.licencePositions })
      : missing(LICENCE_COMPLIANCE_RATE, 'licence positions'),
    input.lifecycleEvents
      ? assetLifecycleValue({ window, assets, lifecycleEvents: input.lifecycleEvents })
      : missing(ASSET_LIFECYCLE_VALUE, 'lifecycle events'),
    input.ticketLinks
      ? assetFailureIncidentRate({ window, assets, ticketLinks: input.ticketLinks })
      : missing(ASSET_FAILURE_INCIDENT_RATE, 'ticket links'),
    input.lifecycleEvents
      ? assetTurnoverRate({ window, assets, lifecycleEvents: input.lifecycleEvents })
      : missing(ASSET_TURNOVER_RATE, 'lifecycle events'),
    input.audits ? registerAccuracy({ window, audits: input.audits }) : missing(REGISTER_ACCURACY, 'audit results'),
  ];
}
