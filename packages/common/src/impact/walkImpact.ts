import type { ImpactGraph } from './types';

/**
 * The outcome of a bounded breadth-first walk, by node number.
 *
 * @public
 */
export interface ImpactWalk {
  /** Reached nodes in visiting order (starts first), each once. */
  nodes: number[];
  /** Hops from the nearest start; only meaningful for nodes in `nodes`. */
  distance: Int32Array;
  /** The node each reached node was first reached from (-1 for starts). */
  parent: Int32Array;
  /** The edge kind of that step. */
  parentKind: Uint8Array;
  deepest: number;
  /** Whether some node at `maxDepth` had an edge to a node not reached. */
  truncated: boolean;
}

/**
 * Walks `graph` breadth-first from `starts` up to `maxDepth` hops. Each node is entered once, so
 * cycles end the walk rather than loop it, and each reached node keeps a shortest path. Starts
 * are visited in ascending node order and rows are sorted, so among equally short paths the one
 * kept depends only on the graph, never on the order of the input data.
 *
 * Cost: O(reached nodes + their edges), plus three arrays of the graph's size. A `hidden` node
 * is neither entered nor walked through, as if it were not in the graph.
 *
 * @public
 */
export function walkImpact(
  graph: ImpactGraph,
  starts: readonly number[],
  maxDepth: number,
  /** Nodes the walk may not enter (what the asker may not see); none when absent. */
  hidden?: (node: number) => boolean,
): ImpactWalk {
  const nodeCount = graph.offsets.length - 1;
  const distance = new Int32Array(nodeCount).fill(-1);
  const parent = new Int32Array(nodeCount);
  const parentKind = new Uint8Array(nodeCount);
  const nodes: number[] = [];
  for (const s of [...starts].sort((a, b) => a - b)) {
    if (distance[s] !== -1) continue;
    distance[s] = 0;
    parent[s] = -1;
    nodes.push(s);
  }
  const { offsets, targets, edgeKinds } = graph;
  let deepest = 0;
  let truncated = false;
  // `nodes` doubles as the queue: breadth-first order is the visiting order.
  for (let head = 0; head < nodes.length; head++) {
    const node = nodes[head];
    const d = distance[node];
    if (d > deepest) deepest = d;
    const end = offsets[node + 1];
    if (d >= maxDepth) {
      // Nodes at depth <= maxDepth were all discovered while the previous level was expanded,
      // so a neighbour still unseen here lies beyond the bound.
      if (!truncated) {
        for (let e = offsets[node]; e < end; e++) {
          if (distance[targets[e]] === -1 && !(hidden !== undefined && hidden(targets[e]))) {
            truncated = true;
            break;
          }
        }
      }
      continue;
    }
    for (let e = offsets[node]; e < end; e++) {
      const next = targets[e];
      if (distance[next] !== -1 || (hidden !== undefined && hidden(next))) continue;
      distance[next] = d + 1;
      parent[next] = node;
      parentKind[next] = edgeKinds[e];
      nodes.push(next);
    }
  }
  return { nodes, distance, parent, parentKind, deepest, truncated };
}

/**
 * The steps from a start to `node`, first step first.
 *
 * @public
 */
export function walkPath(walk: ImpactWalk, node: number): { from: number; to: number; kind: number }[] {
  const steps: { from: number; to: number; kind: number }[] = [];
  for (let n = node; walk.parent[n] !== -1; n = walk.parent[n]) {
    steps.push({ from: walk.parent[n], to: n, kind: walk.parentKind[n] });
  }
  return steps.reverse();
}
