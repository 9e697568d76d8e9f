import type { Entity } from '@backstage/catalog-model';
import { ITAM_ENABLED_ANNOTATION, ITAM_ENTITY_KINDS } from './constants';

/**
 * Whether an entity page offers the ITAM "Assets" tab and card: components, resources and
 * systems, unless annotated `itam.io/enabled: "false"`.
 *
 * The check is synchronous because entity page filters are: whether assets are actually linked
 * is only known after asking the backend, so the tab shows an empty state (with how to link an
 * asset) and the card renders nothing when the entity has no linked assets.
 *
 * @public
 */
export function isItamAvailable(entity: Entity): boolean {
  if (!ITAM_ENTITY_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'))) return false;
  const flag = entity.metadata.annotations?.[ITAM_ENABLED_ANNOTATION];
  return flag?.trim().toLocaleLowerCase('en-US') !== 'false';
}
