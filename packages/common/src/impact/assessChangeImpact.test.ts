import { ItamValidationError } from '../errors';
import { assessChangeImpact } from './assessChangeImpact';
import { buildImpactGraph } from './buildImpactGraph';
import { describeImpactHop } from './describeHop';
import type { ChangeImpactResult, ImpactGraphData } from './types';

const WINDOW = { start: '2026-06-06T22:00:00Z', end: '2026-06-07T02:00:00Z', inMaintenanceWindow: true };

/**
 * A small estate: a disk in a host that hosts a VM; PostgreSQL is installed on the VM and the
 * orders database resource runs on it; the orders component depends on the database, provides
 * the orders API that the web component consumes, and is part of the shop system, which is part
 * of the retail domain.
 */
const estate: ImpactGraphData = {
  assets: [
    { id: 'disk-1', tag: 'DSK-1', name: 'NVMe disk', criticality: 3, lifecycleStage: 'deployed' },
    {
      id: 'host-1',
      tag: 'HST-1',
      name: 'hypervisor',
      criticality: 2,
      lifecycleStage: 'deployed',
      owner: 'group:default/infra',
      endOfSupport: '2026-07-01',
    },
    { id: 'vm-1', tag: 'VM-1', name: 'db vm', criticality: 2, lifecycleStage: 'maintenance', owner: 'group:default/infra' },
    { id: 'pg', tag: 'SW-PG', name: 'PostgreSQL 15', lifecycleStage: 'deployed', owner: 'group:default/dba' },
    { id: 'laptop', tag: 'LAP-1', name: 'unrelated', criticality: 1, lifecycleStage: 'deployed' },
  ],
  assetLinks: [
    { assetId: 'disk-1', type: 'part-of', targetAssetId: 'host-1' },
    { assetId: 'host-1', type: 'hosts', targetAssetId: 'vm-1' },
    { assetId: 'pg', type: 'installed-on', targetAssetId: 'vm-1' },
  ],
  entities: [
    { ref: 'resource:default/orders-db', owner: 'dba', criticality: 1 },
    { ref: 'component:default/orders', owner: 'group:default/orders-team', lifecycle: 'production' },
    { ref: 'component:default/web' },
    { ref: 'api:default/orders-api' },
    { ref: 'system:default/shop', owner: 'shop-team' },
    { ref: 'domain:default/retail' },
  ],
  entityLinks: [{ assetId: 'vm-1', entityRef: 'resource:default/orders-db', role: 'runs-on' }],
  relations: [
    { source: 'component:default/orders', type: 'dependsOn', target: 'resource:default/orders-db' },
    { source: 'component:default/orders', type: 'providesApi', target: 'api:default/orders-api' },
    { source: 'component:default/web', type: 'consumesApi', target: 'api:default/orders-api' },
    { source: 'component:default/web', type: 'dependsOn', target: 'component:default/orders' },
    { source: 'component:default/web', type: 'ownedBy', target: 'group:default/web-team' },
    { source: 'component:default/orders', type: 'partOf', target: 'system:default/shop' },
    { source: 'system:default/shop', type: 'partOf', target: 'domain:default/retail' },
  ],
  openIncidents: [
    { assetId: 'vm-1', issueKey: 'OPS-7' },
    { assetId: 'vm-1', issueKey: 'OPS-3' },
    { assetId: 'laptop', issueKey: 'OPS-1' },
  ],
};

const graph = buildImpactGraph(estate);

function distances(result: ChangeImpactResult): Record<string, number> {
  return Object.fromEntries([
    ...result.affectedAssets.map(a => [a.tag, a.distance]),
    ...result.affectedEntities.map(e => [e.ref, e.distance]),
  ]);
}

describe('assessChangeImpact', () => {
  it('walks from a disk up through host, VM, database and services, with paths', () => {
    const result = assessChangeImpact(graph, { assetIds: ['disk-1'], window: WINDOW });
    expect(distances(result)).toEqual({
      'DSK-1': 0,
      'HST-1': 1,
      'VM-1': 2,
      'SW-PG': 3,
      'resource:default/orders-db': 3,
      'component:default/orders': 4,
      'api:default/orders-api': 5,
      'component:default/web': 5,
      'system:default/shop': 5,
    });
    expect(result.affectedAssets.map(a => a.tag)).toEqual(['DSK-1', 'HST-1', 'VM-1', 'SW-PG']);
    const orders = result.affectedEntities.find(e => e.ref === 'component:default/orders')!;
    expect(orders.path.map(describeImpactHop)).toEqual([
      'asset DSK-1 part-of asset HST-1',
      'asset HST-1 hosts asset VM-1',
      'resource:default/orders-db runs-on asset VM-1',
      'component:default/orders dependsOn resource:default/orders-db',
    ]);
    expect(orders.path[0]).toEqual({
      from: { type: 'asset', id: 'disk-1', tag: 'DSK-1' },
      to: { type: 'asset', id: 'host-1', tag: 'HST-1' },
      relation: 'part-of',
      inverse: false,
    });
    // The retail domain is six hops away: the default depth stops one short and says so.
    expect(result.traversal).toEqual({ maxDepth: 5, deepest: 5, truncated: true });
    expect(result.notFound).toEqual({ assetIds: [], entityRefs: [] });
  });

  it('reaches the domain with a deeper bound, and less with a shallower one', () => {
    const deep = assessChangeImpact(graph, { assetIds: ['disk-1'], window: WINDOW }, { maxDepth: 6 });
    expect(distances(deep)['domain:default/retail']).toBe(6);
    expect(deep.traversal.truncated).toBe(false);
    const shallow = assessChangeImpact(graph, { assetIds: ['disk-1'], window: WINDOW }, { maxDepth: 2 });
    expect(Object.keys(distances(shallow))).toEqual(['DSK-1', 'HST-1', 'VM-1']);
  });

  it('does not walk against impact: changing the web front end touches nothing beneath it', () => {
    const result = assessChangeImpact(graph, { entityRefs: ['component:web'], window: WINDOW });
    expect(distances(result)).toEqual({ 'component:default/web': 0 });
    expect(result.traversal.truncated).toBe(false);
  });

  it('walks up partOf but not down: a component change reaches its system, not its siblings', () => {
    const result = assessChangeImpact(graph, { entityRefs: ['component:default/orders'], window: WINDOW });
    expect(distances(result)).toEqual({
      'component:default/orders': 0,
      'api:default/orders-api': 1,
      'component:default/web': 1,
      'system:default/shop': 1,
      'domain:default/retail': 2,
    });
    const web = result.affectedEntities.find(e => e.ref === 'component:default/web')!;
    // Two one-hop paths exist (dependsOn, and via the API is two hops): the direct one is kept.
    expect(web.path.map(describeImpactHop)).toEqual(['component:default/web dependsOn component:default/orders']);
  });

  it('lists owners once each, with why, nearest items first', () => {
    const result = assessChangeImpact(graph, { assetIds: ['vm-1'], window: WINDOW }, { maxDepth: 2 });
    expect(result.ownersToNotify).toEqual([
      {
        owner: 'group:default/dba',
        owns: [
          { type: 'asset', id: 'pg', tag: 'SW-PG' },
          { type: 'entity', ref: 'resource:default/orders-db' },
        ],
        why: 'Owns 2 affected items: asset SW-PG (1 hop away), resource:default/orders-db (1 hop away).',
      },
      {
        owner: 'group:default/infra',
        owns: [{ type: 'asset', id: 'vm-1', tag: 'VM-1' }],
        why: 'Owns 1 affected item: asset VM-1 (named on the change).',
      },
      {
        owner: 'group:default/orders-team',
        owns: [{ type: 'entity', ref: 'component:default/orders' }],
        why: 'Owns 1 affected item: component:default/orders (2 hops away).',
      },
    ]);
  });

  it('reports highest criticality, open incidents and a score that is the product of its reasons', () => {
    const result = assessChangeImpact(graph, { assetIds: ['host-1'], window: WINDOW });
    expect(result.highestCriticality).toEqual({
      tier: 1,
      items: [{ type: 'entity', ref: 'resource:default/orders-db' }],
    });
    expect(result.openIncidents).toEqual([
      { asset: { type: 'asset', id: 'vm-1', tag: 'VM-1' }, issueKeys: ['OPS-3', 'OPS-7'] },
    ]);
    expect(result.affectedAssets.find(a => a.id === 'vm-1')?.openIncidents).toEqual(['OPS-3', 'OPS-7']);
    expect(result.risk.reasons.map(r => [r.dimension, r.factor, r.points])).toEqual([
      ['impact', 'baseline', 1],
      ['impact', 'criticality', 2],
      ['likelihood', 'baseline', 1],
      ['likelihood', 'incident-history', 1],
      ['likelihood', 'lifecycle', 1],
    ]);
    expect(result.risk).toMatchObject({ impact: 3, likelihood: 3, score: 9, level: 'medium' });
    expect(result.risk.reasons.find(r => r.factor === 'lifecycle')?.explanation).toBe(
      'Affected assets are in maintenance or near or past end of life or support: asset HST-1 reaches end of support on 2026-07-01, 25 days after the change starts, asset VM-1 is in maintenance.',
    );
  });

  it('hands out lists a caller cannot use to change the graph', () => {
    const result = assessChangeImpact(graph, { assetIds: ['host-1'], window: WINDOW });
    const vm = result.affectedAssets.find(a => a.id === 'vm-1')!;
    const orders = result.affectedEntities.find(e => e.ref === 'component:default/orders')!;
    expect(() => (vm.openIncidents as string[]).push('OPS-99')).toThrow(TypeError);
    expect(() => (orders.owners as string[]).push('group:default/intruder')).toThrow(TypeError);
    expect(() => Object.assign(vm.path[0].from, { tag: 'X' })).toThrow(TypeError);
  });

  it('scores an unstated window as outside a maintenance window', () => {
    const inside = assessChangeImpact(graph, { assetIds: ['laptop'], window: WINDOW });
    const unknown = assessChangeImpact(graph, {
      assetIds: ['laptop'],
      window: { start: WINDOW.start, end: WINDOW.end },
    });
    expect(unknown.risk.likelihood - inside.risk.likelihood).toBe(1);
    expect(unknown.risk.reasons.at(-1)?.factor).toBe('change-window');
  });

  it('reports unknown named items as not found and assesses the rest', () => {
    const result = assessChangeImpact(graph, {
      assetIds: ['nope', 'laptop', 'nope'],
      entityRefs: ['component:ghost', 'Component:default/ghost'],
      window: WINDOW,
    });
    expect(result.notFound).toEqual({ assetIds: ['nope'], entityRefs: ['component:default/ghost'] });
    expect(distances(result)).toEqual({ 'LAP-1': 0 });
  });

  it('refuses a malformed entity ref or query, naming the field', () => {
    expect(() => assessChangeImpact(graph, { entityRefs: ['orders'], window: WINDOW })).toThrow(ItamValidationError);
    expect(() => assessChangeImpact(graph, { entityRefs: ['orders'], window: WINDOW })).toThrow(/entityRefs\.0/);
    expect(() => assessChangeImpact(graph, { window: { start: WINDOW.end, end: WINDOW.start } })).toThrow(
      /window\.end/,
    );
    expect(() => assessChangeImpact(graph, { window: WINDOW }, { maxDepth: -1 })).toThrow(/maxDepth/);
  });

  it('gives an empty, minimal assessment for a change naming nothing, or an empty graph', () => {
    for (const [g, query] of [
      [graph, { window: WINDOW }],
      [buildImpactGraph({}), { assetIds: ['x'], entityRefs: ['component:y'], window: WINDOW }],
    ] as const) {
      const result = assessChangeImpact(g, query);
      expect(result.affectedAssets).toEqual([]);
      expect(result.affectedEntities).toEqual([]);
      expect(result.ownersToNotify).toEqual([]);
      expect(result.openIncidents).toEqual([]);
      expect(result.highestCriticality).toBeUndefined();
      expect(result.traversal).toEqual({ maxDepth: 5, deepest: 0, truncated: false });
      expect(result.risk).toMatchObject({ score: 1, level: 'low' });
    }
  });

  it('terminates on a cycle of dependencies and hosts', () => {
    const cyclic = buildImpactGraph({
      assets: [
        { id: 'a', tag: 'A', name: 'a', lifecycleStage: 'deployed' },
        { id: 'b', tag: 'B', name: 'b', lifecycleStage: 'deployed' },
      ],
      assetLinks: [
        { assetId: 'a', type: 'hosts', targetAssetId: 'b' },
        { assetId: 'b', type: 'hosts', targetAssetId: 'a' },
      ],
      entities: [{ ref: 'component:default/x' }, { ref: 'component:default/y' }],
      entityLinks: [{ assetId: 'b', entityRef: 'component:default/x', role: 'uses' }],
      relations: [
        { source: 'component:default/x', type: 'dependsOn', target: 'component:default/y' },
        { source: 'component:default/y', type: 'dependsOn', target: 'component:default/x' },
      ],
    });
    const result = assessChangeImpact(cyclic, { assetIds: ['a'], window: WINDOW }, { maxDepth: 50 });
    expect(distances(result)).toEqual({ A: 0, B: 1, 'component:default/x': 2, 'component:default/y': 3 });
    expect(result.traversal).toEqual({ maxDepth: 50, deepest: 3, truncated: false });
  });
});

describe('assessChangeImpact restricted to what the asker may see', () => {
  const graph = buildImpactGraph({
    assets: [
      { id: 'db', tag: 'SRV-1', name: 'db', lifecycleStage: 'deployed', criticality: 1 },
      { id: 'vm', tag: 'VM-1', name: 'vm', lifecycleStage: 'deployed' },
    ],
    assetLinks: [{ assetId: 'db', type: 'hosts', targetAssetId: 'vm' }],
    entityLinks: [{ assetId: 'vm', entityRef: 'component:default/payments-api', role: 'runs-on' }],
    entities: [{ ref: 'component:default/payments-api' }, { ref: 'system:default/payments' }],
    relations: [{ source: 'component:default/payments-api', type: 'partOf', target: 'system:default/payments' }],
  });
  const query = { assetIds: ['db'], window: { start: '2026-06-01T00:00:00Z', end: '2026-06-02T00:00:00Z' } };

  it('neither reports nor walks through hidden assets and entities', () => {
    const all = assessChangeImpact(graph, query);
    expect(all.affectedEntities.map(e => e.ref)).toEqual(['component:default/payments-api', 'system:default/payments']);
    const noVm = assessChangeImpact(graph, query, {}, { assetVisible: id => id !== 'vm' });
    expect(noVm.affectedAssets.map(a => a.id)).toEqual(['db']);
    expect(noVm.affectedEntities).toEqual([]);
    const noComponent = assessChangeImpact(graph, query, {}, { entityVisible: ref => !ref.startsWith('component:') });
    expect(noComponent.affectedEntities).toEqual([]);
  });

  it('reports a hidden named item as not found', () => {
    const result = assessChangeImpact(graph, query, {}, { assetVisible: () => false });
    expect(result.notFound.assetIds).toEqual(['db']);
    expect(result.affectedAssets).toEqual([]);
  });
});
