import type { ProductPosition } from './resultTypes';

/**
 * A product's position as a list of every product shows it: its status and figures, with how
 * many harvest candidates it has but not the lists that grow with its installations (the harvest
 * candidates and the per-consumer explanation), which its own page reads. Over a million
 * installations those lists are some 300 MB of JSON; a list of five thousand products is not.
 *
 * @public
 */
export type ListedProductPosition = Omit<ProductPosition, 'explanation' | 'harvestCandidates'> & {
  harvestCandidateCount: number;
};

/**
 * A position as a list shows it (see {@link ListedProductPosition}).
 *
 * @public
 */
export function listedPosition(position: ProductPosition): ListedProductPosition {
  const { explanation: _explanation, harvestCandidates, ...listed } = position;
  return { ...listed, harvestCandidateCount: harvestCandidates.length };
}
