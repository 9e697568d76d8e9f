import { normalizeEntityRef } from '../entity/entityRef';
import type { AssetLinkType, EntityLinkRole } from '../links/schema';
import { ASSET_LINK_STEPS, CATALOGUE_RELATION_STEPS, ENTITY_LINK_KINDS, IMPACT_EDGE_KINDS } from './relations';
import type {
  ImpactAssetLinkInput,
  ImpactEntityInput,
  ImpactEntityLinkInput,
  ImpactGraph,
  ImpactGraphData,
  ImpactIncidentInput,
  ImpactRelationInput,
} from './types';

/** Each edge kind restated as the link or relation that yields it (the first name of a pair). */
const ASSET_LINK_OF_KIND = new Map<number, { type: AssetLinkType; from: 'source' | 'target' }>(
  (Object.entries(ASSET_LINK_STEPS) as [AssetLinkType, (typeof ASSET_LINK_STEPS)[AssetLinkType]][]).map(([type, step]) => [
    step.kind,
    { type, from: step.from },
  ]),
);
const ROLE_OF_KIND = new Map<number, EntityLinkRole>(
  (Object.entries(ENTITY_LINK_KINDS) as [EntityLinkRole, number][]).map(([role, kind]) => [kind, role]),
);
const RELATION_OF_KIND = new Map<number, { type: string; from: 'source' | 'target' }>();
for (const [type, step] of CATALOGUE_RELATION_STEPS) {
  if (!RELATION_OF_KIND.has(step.kind)) RELATION_OF_KIND.set(step.kind, { type, from: step.from });
}

/**
 * The nodes a walk of at most `hops` steps from the named assets and entities reaches in `graph`,
 * restated as graph data: the assets, the entities (owners as `ownedBy` relations), and every
 * link, relation and open incident among them.
 *
 * Built into a graph, it answers {@link assessChangeImpact} exactly as `graph` does for any query
 * starting from those items with `maxDepth` below `hops` (pass `maxDepth + 1`, so the walk still
 * sees whether the bound cut it short): node numbers follow ids and refs in both, so the walk
 * takes the same paths. Lets a backend keep only the catalogue in memory and join it, per query,
 * with the assets the query reaches. Names the graph does not hold (or malformed refs) are
 * skipped. Cost: proportional to what is reached.
 *
 * @public
 */
export function impactSubgraphData(
  graph: ImpactGraph,
  starts: { assetIds?: readonly string[]; entityRefs?: readonly string[] },
  hops: number,
): Required<Pick<ImpactGraphData, 'assets' | 'assetLinks' | 'entities' | 'entityLinks' | 'relations' | 'openIncidents'>> {
  const assetCount = graph.assets.length;
  const distance = new Map<number, number>();
  const queue: number[] = [];
  const enter = (node: number | undefined, d: number) => {
    if (node === undefined || distance.has(node)) return;
    distance.set(node, d);
    queue.push(node);
  };
  for (const id of starts.assetIds ?? []) enter(graph.assetIndex.get(id), 0);
  for (const raw of starts.entityRefs ?? []) {
    let ref: string;
    try {
      ref = normalizeEntityRef(raw);
    } catch {
      continue;
    }
    enter(graph.entityIndex.get(ref), 0);
  }
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    const d = distance.get(node)!;
    if (d >= hops) continue;
    for (let e = graph.offsets[node]; e < graph.offsets[node + 1]; e++) enter(graph.targets[e], d + 1);
  }

  const out = {
    assets: [] as ImpactGraphData['assets'] & unknown[],
    assetLinks: [] as ImpactAssetLinkInput[],
    entities: [] as ImpactEntityInput[],
    entityLinks: [] as ImpactEntityLinkInput[],
    relations: [] as ImpactRelationInput[],
    openIncidents: [] as ImpactIncidentInput[],
  };
  const idOf = (node: number) => graph.assets[node].id;
  const refOf = (node: number) => graph.entities[node - assetCount].ref;
  for (const node of queue) {
    if (node < assetCount) {
      out.assets.push(graph.assets[node]);
      for (const issueKey of graph.incidents.get(node) ?? []) out.openIncidents.push({ assetId: idOf(node), issueKey });
    } else {
      const { ref, title, lifecycle, criticality, owners } = graph.entities[node - assetCount];
      out.entities.push({
        ref,
        ...(title !== undefined ? { title } : {}),
        ...(lifecycle !== undefined ? { lifecycle } : {}),
        ...(criticality !== undefined ? { criticality } : {}),
      });
      for (const owner of owners) out.relations.push({ source: ref, type: 'ownedBy', target: owner });
    }
    for (let e = graph.offsets[node]; e < graph.offsets[node + 1]; e++) {
      const target = graph.targets[e];
      if (!distance.has(target)) continue;
      const kind = graph.edgeKinds[e];
      const layer = IMPACT_EDGE_KINDS[kind].layer;
      if (layer === 'asset') {
        const link = ASSET_LINK_OF_KIND.get(kind)!;
        const [a, b] = link.from === 'source' ? [node, target] : [target, node];
        out.assetLinks.push({ assetId: idOf(a), type: link.type, targetAssetId: idOf(b) });
      } else if (layer === 'asset-entity') {
        out.entityLinks.push({ assetId: idOf(node), entityRef: refOf(target), role: ROLE_OF_KIND.get(kind)! });
      } else {
        const relation = RELATION_OF_KIND.get(kind)!;
        const [a, b] = relation.from === 'source' ? [node, target] : [target, node];
        out.relations.push({ source: refOf(a), type: relation.type, target: refOf(b) });
      }
    }
  }
  return out;
}
