import type { LifecycleStage } from '../asset/constants';

/**
 * The lifecycle graph: from each stage, the stages an asset may move to.
 *
 * Beyond the ITIL happy path (planned, ordered, in-stock, deployed, retired, disposed) it allows
 * what asset managers do every day: cancel an order (ordered to planned), repair before or after
 * deployment (maintenance), return a device to stock (deployed to in-stock), retire straight from
 * stock, and reinstate a retired asset to stock. Nothing leaves `disposed`.
 *
 * @public
 */
export const LIFECYCLE_TRANSITIONS: Readonly<Record<LifecycleStage, readonly LifecycleStage[]>> = {
  planned: ['ordered', 'in-stock', 'deployed'],
  ordered: ['planned', 'in-stock', 'deployed'],
  'in-stock': ['deployed', 'maintenance', 'retired'],
  deployed: ['maintenance', 'in-stock', 'retired'],
  maintenance: ['deployed', 'in-stock', 'retired'],
  retired: ['disposed', 'in-stock'],
  disposed: [],
};

/**
 * Whether the graph has an edge from `from` to `to` (the guards are checked separately).
 *
 * @public
 */
export function isTransitionInGraph(from: LifecycleStage, to: LifecycleStage): boolean {
  return LIFECYCLE_TRANSITIONS[from].includes(to);
}
