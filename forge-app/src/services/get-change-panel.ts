import { assetSummary } from '../domain/asset-summary';
import type { Criticality } from '@itam/common';
import type { ChangeWindow } from '../domain/change-window';
import type { ChangePanelData } from '../common/types';
import type { IssueScope } from './context';

/**
 * The change panel from what the register serves today: the linked assets with criticality,
 * lifecycle stage and owner, the owners to notify, the highest criticality, the unresolved
 * incidents on those assets, and the register's impact assessment of the change over `window`
 * (what it reaches and how, and its risk), made only when assets are linked.
 */
export async function getChangePanel(
  scope: Omit<IssueScope, 'now'> & { window: ChangeWindow },
): Promise<ChangePanelData> {
  const { client, site, issueKey, window } = scope;
  const linked = await client.getTicketAssets(site, issueKey);
  const assets = await Promise.all(
    linked.map(async ({ asset }) => {
      const tickets = await client.getAssetTickets(asset.id);
      return {
        ...assetSummary(asset),
        openIncidents: tickets
          .filter(t => t.ticketType === 'incident' && !t.resolved)
          .filter(t => !(t.site === site && t.issueKey === issueKey))
          .map(t => t.issueKey),
      };
    }),
  );
  const owners = [...new Set(assets.flatMap(a => (a.owner ? [a.owner] : [])))].sort();
  const highestCriticality = assets.reduce<Criticality | undefined>(
    (best, a) => (best === undefined || a.criticality < best ? a.criticality : best),
    undefined,
  );
  const assessment =
    assets.length === 0
      ? undefined
      : { window, result: await client.assessImpact({ assets: assets.map(a => a.id), window }) };
  return {
    issueKey,
    assets,
    owners,
    ...(highestCriticality === undefined ? {} : { highestCriticality }),
    ...(assessment === undefined ? {} : { assessment }),
  };
}
