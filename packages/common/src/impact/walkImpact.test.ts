import { buildImpactGraph } from './buildImpactGraph';
import type { ImpactRelationInput } from './types';
import { walkImpact, walkPath } from './walkImpact';

/** A graph of components `component:default/<name>` where `a -> b` means "b dependsOn a". */
function chain(edges: [string, string][], extra: string[] = []) {
  const names = [...new Set([...edges.flat(), ...extra])];
  const relations: ImpactRelationInput[] = edges.map(([changed, dependant]) => ({
    source: `component:default/${dependant}`,
    type: 'dependsOn',
    target: `component:default/${changed}`,
  }));
  const graph = buildImpactGraph({ entities: names.map(n => ({ ref: `component:default/${n}` })), relations });
  const node = (name: string) => graph.entityIndex.get(`component:default/${name}`)!;
  const name = (n: number) => graph.entities[n - graph.assets.length].ref.slice('component:default/'.length);
  return { graph, node, name };
}

describe('walkImpact', () => {
  it('reaches dependants breadth-first with their distances and paths', () => {
    const { graph, node, name } = chain([
      ['db', 'api'],
      ['api', 'web'],
      ['db', 'batch'],
    ]);
    const walk = walkImpact(graph, [node('db')], 5);
    expect(walk.nodes.map(name)).toEqual(['db', 'api', 'batch', 'web']);
    expect(walk.nodes.map(n => walk.distance[n])).toEqual([0, 1, 1, 2]);
    expect(walkPath(walk, node('web')).map(s => [name(s.from), name(s.to)])).toEqual([
      ['db', 'api'],
      ['api', 'web'],
    ]);
    expect(walkPath(walk, node('db'))).toEqual([]);
    expect(walk.deepest).toBe(2);
    expect(walk.truncated).toBe(false);
  });

  it('terminates on cycles, entering each node once', () => {
    const { graph, node, name } = chain([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['c', 'c'],
    ]);
    const walk = walkImpact(graph, [node('b')], 10);
    expect(walk.nodes.map(name)).toEqual(['b', 'c', 'a']);
    expect(walk.truncated).toBe(false);
  });

  it('stops at the depth bound and says so', () => {
    const { graph, node, name } = chain([
      ['n0', 'n1'],
      ['n1', 'n2'],
      ['n2', 'n3'],
    ]);
    const walk = walkImpact(graph, [node('n0')], 2);
    expect(walk.nodes.map(name)).toEqual(['n0', 'n1', 'n2']);
    expect(walk.truncated).toBe(true);
    expect(walkImpact(graph, [node('n0')], 3).truncated).toBe(false);
    expect(walkImpact(graph, [node('n0')], 0).nodes.map(name)).toEqual(['n0']);
  });

  it('does not call a cycle back to a reached node truncation', () => {
    const { graph, node } = chain([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(walkImpact(graph, [node('a')], 1).truncated).toBe(false);
  });

  it('keeps the path through the smaller node when two are equally short', () => {
    const { graph, node, name } = chain([
      ['s', 'y'],
      ['s', 'x'],
      ['y', 't'],
      ['x', 't'],
    ]);
    const walk = walkImpact(graph, [node('s')], 5);
    expect(walkPath(walk, node('t')).map(s => name(s.from))).toEqual(['s', 'x']);
  });

  it('starts from several nodes, each at distance zero, ignoring repeats', () => {
    const { graph, node, name } = chain([['a', 'b']], ['z']);
    const walk = walkImpact(graph, [node('z'), node('a'), node('z')], 5);
    expect(walk.nodes.map(name)).toEqual(['a', 'z', 'b']);
    expect(walk.distance[node('z')]).toBe(0);
  });
});
