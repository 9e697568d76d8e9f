import fc from 'fast-check';
import type { AssetLinkType, EntityLinkRole } from '../links/schema';
import { assessChangeImpact } from './assessChangeImpact';
import { buildImpactGraph } from './buildImpactGraph';
import { composeImpactGraph } from './compose';
import type { ChangeImpactQuery, ImpactGraphData, ImpactHop, ImpactNodeRef } from './types';

const WINDOW = { start: '2026-06-06T22:00:00Z', end: '2026-06-07T02:00:00Z' };
const KINDS = ['component', 'resource', 'system', 'api'] as const;
const ASSET_LINK_TYPES: AssetLinkType[] = ['hosts', 'part-of', 'installed-on'];
const ROLES: EntityLinkRole[] = ['runs-on', 'uses', 'stores-data-of', 'licensed-to'];
const RELATION_TYPES = [
  'dependsOn',
  'dependencyOf',
  'partOf',
  'hasPart',
  'consumesApi',
  'apiConsumedBy',
  'providesApi',
  'apiProvidedBy',
  'ownedBy',
  'memberOf',
] as const;

/**
 * The direction rules restated independently of the implementation: for each stated fact, the
 * edge `[changes, affected, relation]` it implies, or none.
 */
const RELATION_EDGE: Record<(typeof RELATION_TYPES)[number], ((s: string, t: string) => [string, string, string]) | undefined> = {
  dependsOn: (s, t) => [t, s, 'dependsOn'],
  dependencyOf: (s, t) => [s, t, 'dependsOn'],
  partOf: (s, t) => [s, t, 'partOf'],
  hasPart: (s, t) => [t, s, 'partOf'],
  consumesApi: (s, t) => [t, s, 'consumesApi'],
  apiConsumedBy: (s, t) => [s, t, 'consumesApi'],
  providesApi: (s, t) => [s, t, 'providesApi'],
  apiProvidedBy: (s, t) => [t, s, 'providesApi'],
  ownedBy: undefined,
  memberOf: undefined,
};

const dataArb = fc
  .record({
    assetCount: fc.nat(6),
    entityKinds: fc.array(fc.constantFrom(...KINDS), { maxLength: 6 }),
  })
  .chain(({ assetCount, entityKinds }) => {
    const assetIds = Array.from({ length: assetCount }, (_, i) => `a${i}`);
    const refs = entityKinds.map((k, i) => `${k}:default/e${i}`);
    const anyAsset = fc.constantFrom(...assetIds, 'ghost-asset');
    const anyRef = fc.constantFrom(...refs, 'component:default/ghost');
    const tier = fc.option(fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), { nil: undefined });
    return fc.record({
      data: fc.record({
        assets: fc.tuple(
          ...assetIds.map(id =>
            fc.record({
              id: fc.constant(id),
              tag: fc.constant(`T-${id}`),
              name: fc.constant(id),
              criticality: tier,
              lifecycleStage: fc.constantFrom('deployed' as const, 'maintenance' as const),
              owner: fc.option(fc.constantFrom('group:default/g1', 'group:default/g2'), { nil: undefined }),
            }),
          ),
        ),
        entities: fc.tuple(
          ...refs.map(ref =>
            fc.record({
              ref: fc.constant(ref),
              criticality: tier,
              owner: fc.option(fc.constantFrom('g1', 'user:default/u1'), { nil: undefined }),
            }),
          ),
        ),
        assetLinks: fc.array(
          fc.record({ assetId: anyAsset, type: fc.constantFrom(...ASSET_LINK_TYPES), targetAssetId: anyAsset }),
          { maxLength: 10 },
        ),
        entityLinks: fc.array(fc.record({ assetId: anyAsset, entityRef: anyRef, role: fc.constantFrom(...ROLES) }), {
          maxLength: 8,
        }),
        relations: fc.array(
          fc.record({ source: anyRef, type: fc.constantFrom(...RELATION_TYPES), target: anyRef }),
          { maxLength: 14 },
        ),
        openIncidents: fc.array(fc.record({ assetId: anyAsset, issueKey: fc.constantFrom('OPS-1', 'OPS-2', 'SD-9') }), {
          maxLength: 4,
        }),
      }),
      query: fc.record({
        assetIds: fc.array(anyAsset, { maxLength: 3 }),
        entityRefs: fc.array(anyRef, { maxLength: 3 }),
        window: fc.record({
          start: fc.constant(WINDOW.start),
          end: fc.constant(WINDOW.end),
          inMaintenanceWindow: fc.option(fc.boolean(), { nil: undefined }),
        }),
      }),
      maxDepth: fc.nat(4),
      seed: fc.integer(),
    });
  });

/** Fisher–Yates with a small seeded generator, so a failing case replays. */
function shuffle<T>(items: readonly T[] | undefined, seed: number): T[] {
  const out = [...(items ?? [])];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function key(node: ImpactNodeRef): string {
  return node.type === 'asset' ? `asset:${node.id}` : node.ref;
}

/** Every `[changes, affected, relation]` edge the data states, by the restated rules. */
function referenceEdges(data: ImpactGraphData): [string, string, string][] {
  const assets = new Set((data.assets ?? []).map(a => `asset:${a.id}`));
  const entities = new Set((data.entities ?? []).map(e => e.ref));
  const edges: [string, string, string][] = [];
  for (const l of data.assetLinks ?? []) {
    const [a, t] = [`asset:${l.assetId}`, `asset:${l.targetAssetId}`];
    if (!assets.has(a) || !assets.has(t)) continue;
    edges.push(l.type === 'installed-on' ? [t, a, l.type] : [a, t, l.type]);
  }
  for (const l of data.entityLinks ?? []) {
    if (assets.has(`asset:${l.assetId}`) && entities.has(l.entityRef)) {
      edges.push([`asset:${l.assetId}`, l.entityRef, l.role]);
    }
  }
  for (const r of data.relations ?? []) {
    const edge = RELATION_EDGE[r.type as (typeof RELATION_TYPES)[number]]?.(r.source, r.target);
    if (edge && entities.has(r.source) && entities.has(r.target)) edges.push(edge);
  }
  return edges;
}

/** Shortest distances by repeated relaxation: slow, obviously right. */
function referenceDistances(data: ImpactGraphData, query: ChangeImpactQuery, maxDepth: number) {
  const known = new Set([...(data.assets ?? []).map(a => `asset:${a.id}`), ...(data.entities ?? []).map(e => e.ref)]);
  const distance = new Map<string, number>();
  for (const s of [...(query.assetIds ?? []).map(id => `asset:${id}`), ...(query.entityRefs ?? [])]) {
    if (known.has(s)) distance.set(s, 0);
  }
  const edges = referenceEdges(data);
  for (let round = 0; round < maxDepth; round++) {
    for (const [from, to] of edges) {
      const d = distance.get(from);
      if (d === round && !distance.has(to)) distance.set(to, round + 1);
    }
  }
  return distance;
}

describe('assessChangeImpact properties', () => {
  it('does not depend on the order of the named items or of any input list', () => {
    fc.assert(
      fc.property(dataArb, ({ data, query, maxDepth, seed }) => {
        const expected = assessChangeImpact(buildImpactGraph(data), query, { maxDepth });
        const shuffledData: ImpactGraphData = {
          assets: shuffle(data.assets, seed),
          entities: shuffle(data.entities, seed + 1),
          assetLinks: shuffle(data.assetLinks, seed + 2),
          entityLinks: shuffle(data.entityLinks, seed + 3),
          relations: shuffle(data.relations, seed + 4),
          openIncidents: shuffle(data.openIncidents, seed + 5),
        };
        const shuffledQuery = {
          ...query,
          assetIds: shuffle(query.assetIds, seed + 6),
          entityRefs: shuffle(query.entityRefs, seed + 7),
        };
        expect(assessChangeImpact(buildImpactGraph(shuffledData), shuffledQuery, { maxDepth })).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('reaches exactly what the reference walk reaches, by valid shortest paths', () => {
    fc.assert(
      fc.property(dataArb, ({ data, query, maxDepth }) => {
        const result = assessChangeImpact(buildImpactGraph(data), query, { maxDepth });
        const reference = referenceDistances(data, query, maxDepth);
        const items = [
          ...result.affectedAssets.map(a => ({ key: `asset:${a.id}`, distance: a.distance, path: a.path })),
          ...result.affectedEntities.map(e => ({ key: e.ref, distance: e.distance, path: e.path })),
        ];
        expect(Object.fromEntries(items.map(i => [i.key, i.distance]))).toEqual(Object.fromEntries(reference));

        const stated = new Set(referenceEdges(data).map(e => e.join(' ')));
        for (const item of items) {
          expect(item.path).toHaveLength(item.distance);
          item.path.forEach((hop: ImpactHop, i) => {
            expect(stated.has(`${key(hop.from)} ${key(hop.to)} ${hop.relation}`)).toBe(true);
            if (i > 0) expect(key(hop.from)).toBe(key(item.path[i - 1].to));
          });
          if (item.path.length > 0) {
            expect(reference.get(key(item.path[0].from))).toBe(0);
            expect(key(item.path[item.path.length - 1].to)).toBe(item.key);
          }
        }

        const sum = (d: string) => result.risk.reasons.filter(r => r.dimension === d).reduce((t, r) => t + r.points, 0);
        expect(result.risk.score).toBe(sum('impact') * sum('likelihood'));
        const owners = result.ownersToNotify.map(o => o.owner);
        expect(new Set(owners).size).toBe(owners.length);
      }),
      { numRuns: 300 },
    );
  });

  it('answers the same from an asset graph composed with a catalogue graph as from one graph of everything', () => {
    fc.assert(
      fc.property(dataArb, ({ data, query, maxDepth }) => {
        const whole = buildImpactGraph(data);
        const catalogue = buildImpactGraph({ entities: data.entities, relations: data.relations });
        const assets = buildImpactGraph({
          assets: data.assets,
          assetLinks: data.assetLinks,
          entityLinks: data.entityLinks,
          openIncidents: data.openIncidents,
          // Only the refs of the linked entities: the rest comes from the catalogue graph.
          entities: [...new Set((data.entityLinks ?? []).map(l => l.entityRef))].map(ref => ({ ref })),
        });
        const composed = composeImpactGraph(assets, catalogue);
        expect(assessChangeImpact(composed, query, { maxDepth })).toEqual(assessChangeImpact(whole, query, { maxDepth }));
        // Hiding items (a caller's permissions) changes nothing either.
        const visibility = { assetVisible: (id: string) => id !== 'a1', entityVisible: (ref: string) => !ref.endsWith('/e2') };
        expect(assessChangeImpact(composed, query, { maxDepth }, visibility)).toEqual(
          assessChangeImpact(whole, query, { maxDepth }, visibility),
        );
      }),
      { numRuns: 500 },
    );
  });
});
