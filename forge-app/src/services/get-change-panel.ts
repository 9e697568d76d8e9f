import { changeWindowFor, isCriticalTier, type ChangeImpactResult, type Criticality } from '@itam/common';
import type { ChangePanelData } from '../common/types';
import { assetSummary } from '../domain/asset-summary';
import { isLinkOf, visibleKeys } from '../domain/incident-history';
import { browsableIssues } from '../jira-client/browsable-issues';
import { getIssue } from '../jira-client/get-issue';
import type { IssueScope } from './context';
import { DEFAULT_ITAM_SETTINGS, registerSettings } from './register-settings';

const asText = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * The change panel from what the register serves today: the linked assets (with links to their
 * Backstage pages), the owners to notify, the highest criticality, the unresolved incidents on
 * those assets (keys the viewer may browse; the others counted), and the register's impact
 * assessment over the change window: the change request's planned start and end (the fields an
 * admin chose), else its due date, else the next 24 hours; the window says which.
 */
export async function getChangePanel(scope: IssueScope): Promise<ChangePanelData> {
  const { client, issue, config, now } = scope;
  const { plannedStart, plannedEnd } = config.changeFields;
  const [linked, state] = await Promise.all([
    client.getJiraIssueAssets(issue.id, issue.key),
    getIssue(issue.id, { as: 'app', fields: [plannedStart ?? '', plannedEnd ?? ''] }),
  ]);
  const window = changeWindowFor({
    now,
    plannedStart: plannedStart ? asText(state?.fields[plannedStart]) : undefined,
    plannedEnd: plannedEnd ? asText(state?.fields[plannedEnd]) : undefined,
    dueDate: state?.dueDate,
  });
  const openByAsset = await Promise.all(
    linked.map(async ({ asset }) =>
      (await client.getAssetTickets(asset.id)).filter(t => t.ticketType === 'incident' && !t.resolved && !isLinkOf(t, issue)),
    ),
  );
  const browsable = await browsableIssues(openByAsset.flat().flatMap(t => (t.issueId ? [t.issueId] : [])));
  const { criticalTierMax } = linked.length > 0 ? await registerSettings(client) : DEFAULT_ITAM_SETTINGS;
  const critical = (tier: Criticality) => isCriticalTier(tier, criticalTierMax);
  const assets = linked.map(({ asset }, i) => {
    const visible = visibleKeys(openByAsset[i], browsable);
    return {
      ...assetSummary(asset, config.portalUrl),
      openIncidents: visible.keys,
      hiddenOpenIncidents: visible.hidden,
      critical: critical(asset.criticality),
    };
  });
  const owners = [...new Set(assets.flatMap(a => (a.owner ? [a.owner] : [])))].sort();
  const highestCriticality = assets.reduce<Criticality | undefined>(
    (best, a) => (best === undefined || a.criticality < best ? a.criticality : best),
    undefined,
  );
  let assessment: ChangePanelData['assessment'];
  if (assets.length > 0) {
    const result = await client.assessImpact({ assets: assets.map(a => a.id), window: { start: window.start, end: window.end } });
    assessment = {
      window,
      result: await ownSiteIncidents(scope, result),
      ...(result.highestCriticality ? { highestCritical: critical(result.highestCriticality.tier) } : {}),
    };
  }
  return {
    issueKey: issue.key,
    assets,
    owners,
    ...(highestCriticality === undefined ? {} : { highestCriticality, highestCritical: critical(highestCriticality) }),
    ...(assessment === undefined ? {} : { assessment }),
  };
}

/**
 * The assessment's open incident keys cut to those of this site that the viewer may browse: the
 * register assesses over every site's incidents, but another site's keys are not this site's
 * business (the risk score still counts them).
 */
async function ownSiteIncidents(scope: IssueScope, result: ChangeImpactResult): Promise<ChangeImpactResult> {
  if (result.openIncidents.length === 0) return result;
  const own = await Promise.all(
    result.openIncidents.map(o => (o.asset.type === 'asset' ? scope.client.getAssetTickets(o.asset.id) : [])),
  );
  const browsable = await browsableIssues(own.flat().flatMap(t => (t.issueId ? [t.issueId] : [])));
  const openIncidents = result.openIncidents
    .map((o, i) => ({
      ...o,
      issueKeys: o.issueKeys.filter(key =>
        own[i].some(t => t.issueKey === key && t.issueId !== undefined && browsable.has(t.issueId)),
      ),
    }))
    .filter(o => o.issueKeys.length > 0);
  return { ...result, openIncidents };
}
