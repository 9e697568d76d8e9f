import type { ImpactNodeRef } from './types';

/**
 * How a node is named in explanations: `asset SRV-1`, or the entity's ref (which names its kind).
 *
 * @public
 */
export function impactNodeLabel(node: ImpactNodeRef): string {
  return node.type === 'asset' ? `asset ${node.tag}` : node.ref;
}

/** The first `max` items joined with commas, then "and N more", so explanations stay readable. */
export function listSome(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** `1 hop` / `3 hops`. */
export function hops(n: number): string {
  return `${n} ${n === 1 ? 'hop' : 'hops'}`;
}
