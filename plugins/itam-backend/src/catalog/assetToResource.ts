import type { Entity } from '@backstage/catalog-model';
import {
  DATA_CLASSIFICATIONS,
  ITAM_ASSET_ID_ANNOTATION,
  ITAM_ASSET_TAG_ANNOTATION,
  type DataClassification,
  type ListedAsset,
} from '@itam/common';

/** The provider's name; also the location key prefix of the entities it owns. */
export const ITAM_PROVIDER_NAME = 'itam-assets';

/**
 * Catalogue name of an asset's Resource: `asset-` + the tag, lower-cased, with characters the
 * catalogue does not allow in names replaced by `-` (the prefix keeps them apart from
 * hand-written resources).
 */
export function assetResourceName(tag: string): string {
  return `asset-${tag.toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}`.slice(0, 63).replace(/[-_.]+$/, '');
}

/**
 * Maps a register asset to a catalogue `Resource`: type from the asset's type, owner from its
 * owner (custodian as fallback), `dependencyOf` from its entity links, annotations back to the
 * asset. Returns undefined for assets that do not belong in the catalogue: disposed ones, ones
 * with nobody accountable (a Resource must have an owner), and ones whose data classification is
 * above `maxDataClassification` (default `internal`): the catalogue shows entities to everyone
 * who may read it, not only to whom the register's permissions would show the asset.
 *
 * @public
 */
export function assetToResource(
  asset: ListedAsset,
  options: { maxDataClassification?: DataClassification } = {},
): Entity | undefined {
  const owner = asset.owner ?? asset.custodian;
  if (!owner || asset.lifecycleStage === 'disposed') return undefined;
  const max = DATA_CLASSIFICATIONS.indexOf(options.maxDataClassification ?? 'internal');
  if (DATA_CLASSIFICATIONS.indexOf(asset.dataClassification) > max) return undefined;
  const dependencyOf = [...new Set((asset.entityLinks ?? []).map(l => l.entityRef))].sort();
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: assetResourceName(asset.tag),
      namespace: 'default',
      title: `${asset.tag} ${asset.name}`,
      description: asset.description ?? `${asset.assetClass} asset ${asset.tag} (${asset.lifecycleStage})`,
      tags: [asset.assetClass, asset.lifecycleStage].map(t => t.replace(/[^a-z0-9+#-]/g, '-')),
      labels: { 'itam.io/criticality': `tier-${asset.criticality}` },
      annotations: {
        [ITAM_ASSET_ID_ANNOTATION]: asset.id,
        [ITAM_ASSET_TAG_ANNOTATION]: asset.tag,
        'backstage.io/managed-by-location': `${ITAM_PROVIDER_NAME}:register`,
        'backstage.io/managed-by-origin-location': `${ITAM_PROVIDER_NAME}:register`,
      },
    },
    spec: {
      type: asset.type,
      owner,
      ...(dependencyOf.length > 0 ? { dependencyOf } : {}),
    },
  };
}
