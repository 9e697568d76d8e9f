import type { Asset } from '../asset/types';
import type { ValidationIssue } from '../errors';
import { parseDateWindow, type DateWindow } from '../finance/dateWindow';
import { checkTicketLinks, throwIfIssues, type AssetTicketLink } from './kpiInputs';
import { kpiResult, type KpiDefinition, type KpiResult } from './kpiResult';
import { assetsUnderManagement } from './registerScope';

/** @public */
export const ASSET_FAILURE_INCIDENT_RATE: KpiDefinition = {
  id: 'asset-failure-incident-rate',
  name: 'Incident rate due to asset failure',
  unit: 'incidents per asset per window',
  definition:
    'Incident tickets created within the window and linked to an asset under management, counted once per ' +
    'ticket and asset (an incident that involves two assets is two asset failures) ÷ assets under ' +
    'management at the end of the window. The period is the window: pass a month to get a monthly rate.',
};

/**
 * Incident rate due to asset failure: incidents linked to assets, per asset, in the window.
 *
 * @throws {@link ItamValidationError} for a bad window or ticket link.
 * @public
 */
export function assetFailureIncidentRate(input: {
  window: DateWindow;
  assets: readonly Asset[];
  ticketLinks: readonly AssetTicketLink[];
}): KpiResult {
  const managed = assetsUnderManagement(input.assets);
  const failures = countAssetFailures(input.window, input.ticketLinks, id => managed.has(id));
  return incidentRateFromFacts({ window: input.window, underManagement: managed.size, incidentFailures: failures });
}

/**
 * Asset failures in a window: distinct (ticket, asset) pairs of incident links created within
 * it on assets under management. The links may include others (any type, any date): only
 * those that count are counted.
 *
 * @throws {@link ItamValidationError} for a bad window or ticket link.
 * @public
 */
export function countAssetFailures(
  window: DateWindow,
  ticketLinks: readonly AssetTicketLink[],
  isUnderManagement: (assetId: string) => boolean,
): number {
  const range = parseDateWindow(window, 'window', 'KPI input');
  const issues: ValidationIssue[] = [];
  const days = checkTicketLinks(ticketLinks, issues);
  throwIfIssues(issues, 'KPI input');
  const failures = new Set<string>();
  ticketLinks.forEach((link, i) => {
    const day = days[i]!;
    if (link.ticketType !== 'incident' || !isUnderManagement(link.assetId)) return;
    if (day < range.fromDay || day > range.toDay) return;
    // The same link recorded twice (e.g. re-synced from Jira) is still one failure.
    failures.add(JSON.stringify([link.site.toLowerCase(), link.issueKey.toUpperCase(), link.assetId]));
  });
  return failures.size;
}

/**
 * Incident rate from the failures counted and the managed estate's size.
 *
 * @throws {@link ItamValidationError} for a bad window.
 * @public
 */
export function incidentRateFromFacts(facts: { window: DateWindow; underManagement: number; incidentFailures: number }): KpiResult {
  parseDateWindow(facts.window, 'window', 'KPI input');
  return kpiResult(ASSET_FAILURE_INCIDENT_RATE, facts.window, facts.incidentFailures, facts.underManagement, 'no assets under management');
}
