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
  const range = parseDateWindow(input.window, 'window', 'KPI input');
  const issues: ValidationIssue[] = [];
  const days = checkTicketLinks(input.ticketLinks, issues);
  throwIfIssues(issues, 'KPI input');
  const managed = assetsUnderManagement(input.assets);
  const failures = new Set<string>();
  input.ticketLinks.forEach((link, i) => {
    const day = days[i]!;
    if (link.ticketType !== 'incident' || !managed.has(link.assetId)) return;
    if (day < range.fromDay || day > range.toDay) return;
    // The same link recorded twice (e.g. re-synced from Jira) is still one failure.
    failures.add(JSON.stringify([link.site.toLowerCase(), link.issueKey.toUpperCase(), link.assetId]));
  });
  return kpiResult(ASSET_FAILURE_INCIDENT_RATE, input.window, failures.size, managed.size, 'no assets under management');
}
