import type { Criticality } from '@itam/common';
import type { ChangePanelData } from '../common/types';
import type { IssueScope } from './context';

/**
 * The change panel from what the register serves today: the linked assets with criticality,
 * lifecycle stage and owner, the owners to notify, the highest criticality, and the unresolved
 * incidents on those assets.
 */
export async function getChangePanel(scope: Omit<IssueScope, 'now'>): Promise<ChangePanelData> {
  const { client, site, issueKey } = scope;
  const linked = await client.getTicketAssets(site, issueKey);
  const assets = await Promise.all(
    linked.map(async ({ asset }) => {
      const tickets = await client.getAssetTickets(asset.id);
      return {
        id: asset.id,
        tag: asset.tag,
        name: asset.name,
        lifecycleStage: asset.lifecycleStage,
        criticality: asset.criticality,
        ...(asset.owner ? { owner: asset.owner } : {}),
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
  return {
    issueKey,
    assets,
    owners,
    ...(highestCriticality === undefined ? {} : { highestCriticality }),
  };
}
