import { assetSummary } from '../domain/asset-summary';
import type { IncidentPanelData } from '../common/types';
import { assetHealth } from '../domain/asset-health';
import { isoDay } from '../domain/dates';
import { incidentHistory } from '../domain/incident-history';
import { assetLicences } from './asset-licences';
import type { IssueScope } from './context';

/**
 * The incident panel: each linked asset with lifecycle stage, owner, criticality, warranty and
 * end-of-life status, its incident history (count in the window, last keys), and the licence
 * status of the software installed on it.
 */
export async function getIncidentPanel(scope: IssueScope): Promise<IncidentPanelData> {
  const { client, site, issueKey, now } = scope;
  const linked = await client.getTicketAssets(site, issueKey);
  const today = isoDay(now);
  const licencesOf = assetLicences(
    client,
    linked.map(({ asset }) => asset.id),
  );
  const assets = await Promise.all(
    linked.map(async ({ asset }) => {
      const [tickets, licences] = await Promise.all([
        client.getAssetTickets(asset.id),
        licencesOf.then(all => all.get(asset.id) ?? { status: 'unknown' as const, products: [] }),
      ]);
      const { warranty, endOfLife, health } = assetHealth(asset, today);
      return {
        ...assetSummary(asset),
        warranty: { ...(asset.warrantyEnd ? { date: asset.warrantyEnd } : {}), status: warranty },
        endOfLife: { ...(asset.endOfLife ? { date: asset.endOfLife } : {}), status: endOfLife },
        health,
        incidents: incidentHistory(tickets, { now, site, excludeIssueKey: issueKey }),
        licences,
      };
    }),
  );
  return { issueKey, assets };
}
