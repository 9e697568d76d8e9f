import {
  buildImpactGraph,
  composeImpactGraph,
  type ImpactAssetLinkInput,
  type ImpactEntityLinkInput,
  type ImpactGraph,
  type ImpactIncidentInput,
} from '@itam/common';
import type { Knex } from 'knex';
import { rowToAsset, type AssetRow } from '../database/rows';

/** Ids per `in (...)` list. */
const BATCH = 500;

/** Asset link types walked from the link's source (the rest, `installed-on`, from its target). */
const FROM_SOURCE = ['hosts', 'part-of'];
const FROM_TARGET = ['installed-on'];

const batches = <T>(items: readonly T[]) =>
  Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));

/**
 * The graph a change-impact query needs: the assets its walk can reach, read from the database
 * level by level (impact only flows from assets to assets and entities, never back), composed
 * with the catalogue graph kept in memory (common's `composeImpactGraph`). It answers
 * `assessChangeImpact` as the graph of the whole estate would for walks of up to `maxDepth` hops:
 * the register is never loaded, only what the query reaches.
 */
export async function impactGraphFor(
  db: Knex,
  catalogue: ImpactGraph,
  query: { assetIds: readonly string[] },
  maxDepth: number,
): Promise<ImpactGraph> {
  const reached = new Set<string>(query.assetIds);
  const assetLinks: ImpactAssetLinkInput[] = [];
  const entityLinks: ImpactEntityLinkInput[] = [];
  const linkedEntities = new Set<string>();
  let frontier = [...reached];
  // Levels 0..maxDepth are expanded, so the assets one hop past the bound are known too: the walk
  // needs them to tell whether the bound cut it short.
  for (let level = 0; level <= maxDepth && frontier.length > 0; level++) {
    const next: string[] = [];
    const enter = (id: string) => {
      if (!reached.has(id)) {
        reached.add(id);
        next.push(id);
      }
    };
    for (const ids of batches(frontier)) {
      const links: { source_asset_id: string; type: string; target_asset_id: string }[] = await db('itam_asset_links')
        .where(b => b.whereIn('source_asset_id', ids).whereIn('type', FROM_SOURCE))
        .orWhere(b => b.whereIn('target_asset_id', ids).whereIn('type', FROM_TARGET))
        .select('source_asset_id', 'type', 'target_asset_id');
      for (const l of links) {
        assetLinks.push({ assetId: l.source_asset_id, type: l.type as ImpactAssetLinkInput['type'], targetAssetId: l.target_asset_id });
        enter(FROM_SOURCE.includes(l.type) ? l.target_asset_id : l.source_asset_id);
      }
      const roles: { asset_id: string; entity_ref: string; role: string }[] = await db('itam_entity_links')
        .whereIn('asset_id', ids)
        .select('asset_id', 'entity_ref', 'role');
      for (const r of roles) {
        entityLinks.push({ assetId: r.asset_id, entityRef: r.entity_ref, role: r.role as ImpactEntityLinkInput['role'] });
        linkedEntities.add(r.entity_ref);
      }
    }
    frontier = next;
  }

  const assets = [];
  const openIncidents: ImpactIncidentInput[] = [];
  for (const ids of batches([...reached])) {
    const rows: Pick<AssetRow, 'data'>[] = await db('itam_assets').whereIn('id', ids).select('data');
    assets.push(...rows.map(rowToAsset));
    const incidents: { asset_id: string; issue_key: string }[] = await db('itam_ticket_links')
      .whereIn('asset_id', ids)
      .where({ ticket_type: 'incident', resolved: false })
      .select('asset_id', 'issue_key');
    openIncidents.push(...incidents.map(i => ({ assetId: i.asset_id, issueKey: i.issue_key })));
  }
  // The linked entities by ref only: everything else about them comes from the catalogue graph.
  const entities = [...linkedEntities].map(ref => ({ ref }));
  return composeImpactGraph(buildImpactGraph({ assets, assetLinks, entityLinks, openIncidents, entities }), catalogue);
}
