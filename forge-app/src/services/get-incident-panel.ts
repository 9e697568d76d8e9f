import type { IncidentPanelData } from '../common/types';
import { assetHealth } from '@itam/common';
import { assetSummary } from '../domain/asset-summary';
import { isoDay } from '../domain/dates';
import { incidentHistory, visibleKeys } from '../domain/incident-history';
import { browsableIssues } from '../jira-client/browsable-issues';
import { issueAssetsWithLicences } from './issue-assets-with-licences';
import { registerSettings } from './register-settings';
import type { IssueScope } from './context';

/**
 * The incident panel: each linked asset with lifecycle stage, owner, criticality, warranty,
 * end-of-life and end-of-support status (by the register's notice windows and critical tiers), a link to its page in Backstage, its incident history on this site (count in
 * the window; the last keys the viewer may browse, the others counted), and the licence status of
 * the software installed on it.
 */
export async function getIncidentPanel(scope: IssueScope): Promise<IncidentPanelData> {
  const { client, issue, now, config } = scope;
  const linked = await issueAssetsWithLicences(client, issue);
  const today = isoDay(now);
  const histories = await Promise.all(
    linked.map(async ({ asset }) => incidentHistory(await client.getAssetTickets(asset.id), { now, issue })),
  );
  const browsable = await browsableIssues(histories.flatMap(h => h.recent.flatMap(t => (t.issueId ? [t.issueId] : []))));
  const settings = linked.length > 0 ? await registerSettings(client) : undefined;
  const assets = linked.map(({ asset, licences }, i) => {
    const { warranty, endOfLife, endOfSupport, critical, health } = assetHealth(asset, today, settings!);
    const visible = visibleKeys(histories[i].recent, browsable);
    return {
      ...assetSummary(asset, config.portalUrl),
      warranty: { ...(asset.warrantyEnd ? { date: asset.warrantyEnd } : {}), status: warranty },
      endOfLife: { ...(asset.endOfLife ? { date: asset.endOfLife } : {}), status: endOfLife },
      endOfSupport: { ...(asset.endOfSupport ? { date: asset.endOfSupport } : {}), status: endOfSupport },
      critical,
      health,
      incidents: { recentCount: histories[i].recentCount, recentKeys: visible.keys, hiddenCount: visible.hidden },
      licences,
    };
  });
  return { issueKey: issue.key, assets };
}
