import { hops, impactNodeLabel } from './text';

const LISTED = 5;
import type { ImpactNodeRef, OwnerToNotify } from './types';

/**
 * An affected item with its owners and its distance from the change (0 = named on it).
 *
 * @public
 */
export interface OwnedImpactItem {
  node: ImpactNodeRef;
  owners: readonly string[];
  distance: number;
}

/**
 * One entry per owner, listing every affected item they own in the order given (callers pass
 * items nearest first), with a sentence saying why they are told. Sorted by owner ref.
 *
 * @public
 */
export function collectOwnersToNotify(items: readonly OwnedImpactItem[]): OwnerToNotify[] {
  const byOwner = new Map<string, OwnedImpactItem[]>();
  for (const item of items) {
    // Graph owners are already distinct; a Set per item is only worth it when there are several.
    for (const owner of item.owners.length > 1 ? new Set(item.owners) : item.owners) {
      const owned = byOwner.get(owner);
      if (owned) owned.push(item);
      else byOwner.set(owner, [item]);
    }
  }
  return [...byOwner.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map(owner => {
      const owned = byOwner.get(owner)!;
      // Only the items the sentence shows are described; an owner may own thousands.
      const described = owned
        .slice(0, LISTED)
        .map(i => `${impactNodeLabel(i.node)} (${i.distance === 0 ? 'named on the change' : `${hops(i.distance)} away`})`);
      const more = owned.length > LISTED ? ` and ${owned.length - LISTED} more` : '';
      const noun = owned.length === 1 ? 'item' : 'items';
      return {
        owner,
        owns: owned.map(i => i.node),
        why: `Owns ${owned.length} affected ${noun}: ${described.join(', ')}${more}.`,
      };
    });
}
