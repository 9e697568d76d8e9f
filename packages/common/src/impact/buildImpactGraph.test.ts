import { ItamValidationError } from '../errors';
import { buildImpactGraph } from './buildImpactGraph';
import { IMPACT_EDGE_KINDS } from './relations';
import type { ImpactGraph, ImpactGraphData } from './types';

/** The graph's edges as readable `from -relation-> to` lines. */
function edges(graph: ImpactGraph): string[] {
  const name = (n: number) =>
    n < graph.assets.length ? graph.assets[n].id : graph.entities[n - graph.assets.length].ref;
  const lines: string[] = [];
  for (let n = 0; n + 1 < graph.offsets.length; n++) {
    for (let e = graph.offsets[n]; e < graph.offsets[n + 1]; e++) {
      lines.push(`${name(n)} -${IMPACT_EDGE_KINDS[graph.edgeKinds[e]].relation}-> ${name(graph.targets[e])}`);
    }
  }
  return lines;
}

const asset = (id: string) => ({ id, tag: id.toUpperCase(), name: id, lifecycleStage: 'deployed' as const });

describe('buildImpactGraph', () => {
  it('builds an empty graph from empty data', () => {
    const graph = buildImpactGraph({});
    expect(graph.offsets).toEqual(new Int32Array([0]));
    expect(graph.stats).toEqual({ assets: 0, entities: 0, edges: 0, ignoredRelations: 0, danglingReferences: 0 });
  });

  it('orients every link and relation from what changes to what is affected', () => {
    const graph = buildImpactGraph({
      assets: ['host', 'vm', 'app', 'disk'].map(asset),
      assetLinks: [
        { assetId: 'host', type: 'hosts', targetAssetId: 'vm' },
        { assetId: 'app', type: 'installed-on', targetAssetId: 'vm' },
        { assetId: 'disk', type: 'part-of', targetAssetId: 'host' },
      ],
      entities: [{ ref: 'component:shop' }, { ref: 'resource:db' }, { ref: 'system:retail' }, { ref: 'api:orders' }],
      entityLinks: [
        { assetId: 'vm', entityRef: 'resource:db', role: 'runs-on' },
        { assetId: 'vm', entityRef: 'component:shop', role: 'stores-data-of' },
      ],
      relations: [
        { source: 'component:default/shop', type: 'dependsOn', target: 'resource:default/db' },
        { source: 'component:default/shop', type: 'partOf', target: 'system:default/retail' },
        { source: 'component:default/shop', type: 'providesApi', target: 'api:default/orders' },
      ],
    });
    expect(edges(graph)).toEqual([
      'disk -part-of-> host',
      'host -hosts-> vm',
      'vm -installed-on-> app',
      'vm -stores-data-of-> component:default/shop',
      'vm -runs-on-> resource:default/db',
      'component:default/shop -providesApi-> api:default/orders',
      'component:default/shop -partOf-> system:default/retail',
      'resource:default/db -dependsOn-> component:default/shop',
    ]);
  });

  it('merges a relation stated from both ends into one edge', () => {
    const graph = buildImpactGraph({
      entities: [{ ref: 'component:default/a' }, { ref: 'resource:default/b' }, { ref: 'system:default/s' }],
      relations: [
        { source: 'component:default/a', type: 'dependsOn', target: 'resource:default/b' },
        { source: 'resource:default/b', type: 'dependencyOf', target: 'component:default/a' },
        { source: 'component:default/a', type: 'partOf', target: 'system:default/s' },
        { source: 'system:default/s', type: 'hasPart', target: 'component:default/a' },
        { source: 'component:default/a', type: 'dependsOn', target: 'resource:default/b' },
      ],
    });
    expect(edges(graph)).toEqual([
      'component:default/a -partOf-> system:default/s',
      'resource:default/b -dependsOn-> component:default/a',
    ]);
    expect(graph.stats.edges).toBe(2);
  });

  it('gathers owners from spec.owner and ownership relations, defaulting the kind to group', () => {
    const graph = buildImpactGraph({
      entities: [{ ref: 'component:shop', owner: 'shop-team', lifecycle: 'production', criticality: 1, title: 'Shop' }],
      relations: [
        { source: 'component:default/shop', type: 'ownedBy', target: 'user:default/jane' },
        { source: 'group:default/shop-team', type: 'ownerOf', target: 'component:default/shop' },
        { source: 'group:default/x', type: 'ownerOf', target: 'component:default/gone' },
      ],
    });
    expect(graph.entities).toEqual([
      {
        ref: 'component:default/shop',
        kind: 'component',
        title: 'Shop',
        lifecycle: 'production',
        criticality: 1,
        owners: ['group:default/shop-team', 'user:default/jane'],
      },
    ]);
    expect(graph.stats.danglingReferences).toBe(1);
  });

  it('drops and counts references to unknown items, and ignores unwalked relation types', () => {
    const graph = buildImpactGraph({
      assets: [asset('a')],
      assetLinks: [{ assetId: 'a', type: 'hosts', targetAssetId: 'ghost' }],
      entities: [{ ref: 'component:default/c' }],
      entityLinks: [{ assetId: 'a', entityRef: 'component:default/missing', role: 'uses' }],
      relations: [
        { source: 'component:default/c', type: 'dependsOn', target: 'resource:default/deleted' },
        { source: 'user:default/jane', type: 'memberOf', target: 'group:default/sre' },
        { source: 'component:default/c', type: 'toString', target: 'component:default/c' },
      ],
      openIncidents: [{ assetId: 'ghost', issueKey: 'OPS-1' }],
    });
    expect(graph.stats).toEqual({ assets: 1, entities: 1, edges: 0, ignoredRelations: 2, danglingReferences: 4 });
  });

  it('keeps open incidents per asset, normalised, distinct and sorted', () => {
    const graph = buildImpactGraph({
      assets: [asset('a')],
      openIncidents: [
        { assetId: 'a', issueKey: 'ops-12' },
        { assetId: 'a', issueKey: 'OPS-3' },
        { assetId: 'a', issueKey: ' OPS-12 ' },
      ],
    });
    expect(graph.incidents.get(0)).toEqual(['OPS-12', 'OPS-3']);
  });

  it('numbers nodes by sorted id and ref, whatever the input order', () => {
    const data: ImpactGraphData = {
      assets: [asset('b'), asset('a')],
      entities: [{ ref: 'system:default/z' }, { ref: 'component:default/y' }],
    };
    const graph = buildImpactGraph(data);
    expect(graph.assets.map(a => a.id)).toEqual(['a', 'b']);
    expect([...graph.entityIndex]).toEqual([
      ['component:default/y', 2],
      ['system:default/z', 3],
    ]);
  });

  it('reports every bad field with its path', () => {
    let error: unknown;
    try {
      buildImpactGraph({
        assets: [
          asset('a'),
          { ...asset('a'), criticality: 7 as never, endOfLife: '2026-02-30', owner: 'team:default/x/y' },
          { ...asset('b'), lifecycleStage: 'lost' as never, tag: '' },
        ],
        assetLinks: [{ assetId: 'a', type: 'near' as never, targetAssetId: 'b' }],
        entities: [{ ref: 'payments' }, { ref: 'component:default/c' }, { ref: 'Component:default/c' }],
        entityLinks: [{ assetId: 'a', entityRef: 'component:default/c', role: 'owns' as never }],
        relations: [{ source: 'component:default/c', type: 'dependsOn', target: 'resource:' }],
        openIncidents: [{ assetId: 'a', issueKey: 'not a key' }],
      } as ImpactGraphData);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ItamValidationError);
    expect((error as ItamValidationError).message).toMatch(/^Invalid impact graph: /);
    expect((error as ItamValidationError).issues.map(i => i.path)).toEqual([
      'assets.1.id',
      'assets.1.criticality',
      'assets.1.endOfLife',
      'assets.1.owner',
      'assets.2.tag',
      'assets.2.lifecycleStage',
      'entities.0.ref',
      'entities.2.ref',
      'assetLinks.0.type',
      'entityLinks.0.role',
      'relations.0.target',
      'openIncidents.0.issueKey',
    ]);
  });
});
