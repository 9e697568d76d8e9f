import type { ImpactGraph } from './types';

/** An entity index shifted by the number of asset nodes placed before the entities. */
class ShiftedIndex implements ReadonlyMap<string, number> {
  constructor(
    private readonly inner: ReadonlyMap<string, number>,
    private readonly shift: number,
  ) {}
  get size() {
    return this.inner.size;
  }
  get(key: string) {
    const n = this.inner.get(key);
    return n === undefined ? undefined : n + this.shift;
  }
  has(key: string) {
    return this.inner.has(key);
  }
  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void) {
    this.inner.forEach((value, key) => callback(value + this.shift, key, this));
  }
  *entries(): MapIterator<[string, number]> {
    for (const [key, value] of this.inner) yield [key, value + this.shift];
  }
  keys() {
    return this.inner.keys();
  }
  *values(): MapIterator<number> {
    for (const value of this.inner.values()) yield value + this.shift;
  }
  [Symbol.iterator]() {
    return this.entries();
  }
}

/**
 * One graph from two: `assets`, built from some assets, their links, incidents and the entities
 * they are linked to (nothing else about those entities is read), and `catalogue`, built from
 * the catalogue's entities and relations alone. The result answers {@link assessChangeImpact}
 * exactly as a graph built from all of that data would: assets keep their order (by id) ahead of
 * the entities, which keep theirs (by ref), so the walk takes the same paths; entity links to
 * entities the catalogue lacks are dropped, as a whole build drops them.
 *
 * Lets a backend keep the catalogue graph in memory and read, per query, only the assets the
 * query can reach (impact flows from assets to entities, never back). Cost: the catalogue's
 * edges and entities are referenced, and the adjacency copied once (a few milliseconds at 300k
 * edges), never rebuilt.
 *
 * @throws Error when `catalogue` holds assets.
 * @public
 */
export function composeImpactGraph(assets: ImpactGraph, catalogue: ImpactGraph): ImpactGraph {
  if (catalogue.assets.length > 0) throw new Error('composeImpactGraph: the catalogue graph must hold no assets');
  const assetCount = assets.assets.length;
  const entityCount = catalogue.entities.length;
  // Entity nodes of the asset graph as nodes of the composed one (-1: not in the catalogue).
  const entityNode = Int32Array.from(assets.entities, e => {
    const n = catalogue.entityIndex.get(e.ref);
    return n === undefined ? -1 : n + assetCount;
  });
  const mapped = (target: number) => (target < assetCount ? target : entityNode[target - assetCount]);

  const assetEdges = assets.offsets[assetCount];
  let kept = 0;
  for (let e = 0; e < assetEdges; e++) if (mapped(assets.targets[e]) >= 0) kept++;
  const offsets = new Int32Array(assetCount + entityCount + 1);
  const targets = new Int32Array(kept + catalogue.targets.length);
  const edgeKinds = new Uint8Array(kept + catalogue.targets.length);
  let out = 0;
  for (let node = 0; node < assetCount; node++) {
    // Both numberings order entities by ref, so a row sorted by target stays sorted.
    for (let e = assets.offsets[node]; e < assets.offsets[node + 1]; e++) {
      const target = mapped(assets.targets[e]);
      if (target < 0) continue;
      targets[out] = target;
      edgeKinds[out] = assets.edgeKinds[e];
      out++;
    }
    offsets[node + 1] = out;
  }
  for (let i = 0; i < entityCount; i++) offsets[assetCount + i + 1] = out + catalogue.offsets[i + 1];
  for (let e = 0; e < catalogue.targets.length; e++) targets[out + e] = catalogue.targets[e] + assetCount;
  edgeKinds.set(catalogue.edgeKinds, out);

  return {
    assets: assets.assets,
    entities: catalogue.entities,
    assetIndex: assets.assetIndex,
    entityIndex: new ShiftedIndex(catalogue.entityIndex, assetCount),
    offsets,
    targets,
    edgeKinds,
    incidents: assets.incidents,
    nodeRefs: assets.nodeRefs.slice(0, assetCount).concat(catalogue.nodeRefs),
    assetTagRank: assets.assetTagRank,
    assetsInTagOrder: assets.assetsInTagOrder,
    stats: {
      assets: assetCount,
      entities: entityCount,
      edges: targets.length,
      ignoredRelations: assets.stats.ignoredRelations + catalogue.stats.ignoredRelations,
      danglingReferences: assets.stats.danglingReferences + catalogue.stats.danglingReferences + (assetEdges - kept),
    },
  };
}
