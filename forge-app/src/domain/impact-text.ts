import type { AffectedAsset, AffectedEntity, ImpactHop, ImpactNodeRef } from '@itam/common';

/** How an asset or entity is named in the panel and the comment: the asset's tag, or the entity's ref. */
export function nodeLabel(node: ImpactNodeRef): string {
  return node.type === 'asset' ? node.tag : node.ref;
}

/**
 * The path that reached an item, as text: `SRV-1 → hosts → VM-7 → reverse of dependsOn →
 * component:default/shop`. Each hop reads from the item nearer the change to the one it reached;
 * a relation stated the other way round (`inverse`) is written `reverse of <relation>`.
 */
export function pathText(path: readonly ImpactHop[]): string {
  if (path.length === 0) return '';
  return [
    nodeLabel(path[0].from),
    ...path.flatMap(hop => [hop.inverse ? `reverse of ${hop.relation}` : hop.relation, nodeLabel(hop.to)]),
  ].join(' → ');
}

/** An affected item (beyond those linked to the change) with the path that reached it. */
export interface ReachedItem {
  label: string;
  kind: string;
  path: string;
}

/** The assets and entities the change reaches beyond what it names, entities first, nearest first. */
export function reachedItems(result: {
  affectedAssets: readonly AffectedAsset[];
  affectedEntities: readonly AffectedEntity[];
}): ReachedItem[] {
  return [
    ...result.affectedEntities
      .filter(e => e.distance > 0)
      .map(e => ({ label: e.title ? `${e.title} (${e.ref})` : e.ref, kind: e.kind, path: pathText(e.path) })),
    ...result.affectedAssets
      .filter(a => a.distance > 0)
      .map(a => ({ label: `${a.tag} ${a.name}`, kind: 'asset', path: pathText(a.path) })),
  ];
}
