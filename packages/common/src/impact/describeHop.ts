import { impactNodeLabel } from './text';
import type { ImpactHop } from './types';

/**
 * The hop as a sentence stating the relation in its own direction, e.g.
 * `component:default/shop dependsOn resource:default/db` for the hop from the database to the
 * shop, or `asset HOST-1 hosts asset VM-7`.
 *
 * @public
 */
export function describeImpactHop(hop: ImpactHop): string {
  const [subject, object] = hop.inverse ? [hop.to, hop.from] : [hop.from, hop.to];
  return `${impactNodeLabel(subject)} ${hop.relation} ${impactNodeLabel(object)}`;
}
