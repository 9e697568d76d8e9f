import type { AssetLinkType, EntityLinkRole } from '../links/schema';

/**
 * One kind of step the impact walk can take. `relation` is the relation as the data states it;
 * the walk goes from the item that changes to the item affected, which is sometimes the
 * relation's target (`inverse: false`: "from relation to", e.g. system ← component `partOf`)
 * and sometimes its source (`inverse: true`: "to relation from", e.g. component `dependsOn`
 * the resource that changes).
 *
 * @public
 */
export interface ImpactEdgeKind {
  relation: string;
  inverse: boolean;
  /** Which data the relation comes from. */
  layer: 'asset' | 'asset-entity' | 'catalogue';
}

/**
 * Every step kind, indexed by the small integer the graph stores per edge.
 *
 * Directions answer "who is affected if this changes":
 * - `X hosts Y`: X changes, Y (the VM or container) is affected.
 * - `X part-of Y`: X (a disk) changes, Y (the server it is part of) is affected.
 * - `X installed-on Y`: Y (the device) changes, X (the software on it) is affected.
 * - asset links `runs-on` and `uses` read "entity runs-on / uses asset": the asset changes, the
 *   entity is affected; `stores-data-of` and `licensed-to` read "asset stores-data-of /
 *   licensed-to entity", with the same direction of impact.
 * - `A dependsOn B`: B changes, A is affected (`dependencyOf` is the same fact stated from B).
 * - `A partOf B`: A changes, B (its system or domain) is affected; not downwards, or a change to
 *   one component would reach every sibling through their system.
 * - `C consumesApi X`: X changes, C is affected; `C providesApi X`: C changes, X is affected.
 *
 * Ownership (`ownedBy` / `ownerOf`) is not walked: owners are notified, not affected.
 *
 * @public
 */
export const IMPACT_EDGE_KINDS: readonly ImpactEdgeKind[] = [
  { relation: 'hosts', inverse: false, layer: 'asset' },
  { relation: 'part-of', inverse: false, layer: 'asset' },
  { relation: 'installed-on', inverse: true, layer: 'asset' },
  { relation: 'runs-on', inverse: true, layer: 'asset-entity' },
  { relation: 'uses', inverse: true, layer: 'asset-entity' },
  { relation: 'stores-data-of', inverse: false, layer: 'asset-entity' },
  { relation: 'licensed-to', inverse: false, layer: 'asset-entity' },
  { relation: 'dependsOn', inverse: true, layer: 'catalogue' },
  { relation: 'partOf', inverse: false, layer: 'catalogue' },
  { relation: 'consumesApi', inverse: true, layer: 'catalogue' },
  { relation: 'providesApi', inverse: false, layer: 'catalogue' },
];

function kindIndex(relation: string, layer: ImpactEdgeKind['layer']): number {
  const i = IMPACT_EDGE_KINDS.findIndex(k => k.relation === relation && k.layer === layer);
  if (i < 0) throw new Error(`no impact edge kind ${layer}/${relation}`);
  return i;
}

/** A walk step derived from one stated link or relation. */
export interface DirectedStep {
  /** Which end of the stated relation the walk starts from (the end that changes). */
  from: 'source' | 'target';
  kind: number;
}

/** How each asset-to-asset link type (`asset type targetAsset`) is walked. */
export const ASSET_LINK_STEPS: Readonly<Record<AssetLinkType, DirectedStep>> = {
  hosts: { from: 'source', kind: kindIndex('hosts', 'asset') },
  'part-of': { from: 'source', kind: kindIndex('part-of', 'asset') },
  'installed-on': { from: 'target', kind: kindIndex('installed-on', 'asset') },
};

/** How each asset-to-entity link role is walked: always from the asset to the entity. */
export const ENTITY_LINK_KINDS: Readonly<Record<EntityLinkRole, number>> = {
  'runs-on': kindIndex('runs-on', 'asset-entity'),
  uses: kindIndex('uses', 'asset-entity'),
  'stores-data-of': kindIndex('stores-data-of', 'asset-entity'),
  'licensed-to': kindIndex('licensed-to', 'asset-entity'),
};

/**
 * How each walked catalogue relation type (`source type target`, as in Backstage's
 * `entity.relations`) is walked. Both names of a pair map to the same step, so a catalogue that
 * lists a relation from both ends yields one edge.
 */
// Maps, not object literals: relation types are free text, and `toString` must not match.
export const CATALOGUE_RELATION_STEPS: ReadonlyMap<string, DirectedStep> = new Map([
  ['dependsOn', { from: 'target', kind: kindIndex('dependsOn', 'catalogue') }],
  ['dependencyOf', { from: 'source', kind: kindIndex('dependsOn', 'catalogue') }],
  ['partOf', { from: 'source', kind: kindIndex('partOf', 'catalogue') }],
  ['hasPart', { from: 'target', kind: kindIndex('partOf', 'catalogue') }],
  ['consumesApi', { from: 'target', kind: kindIndex('consumesApi', 'catalogue') }],
  ['apiConsumedBy', { from: 'source', kind: kindIndex('consumesApi', 'catalogue') }],
  ['providesApi', { from: 'source', kind: kindIndex('providesApi', 'catalogue') }],
  ['apiProvidedBy', { from: 'target', kind: kindIndex('providesApi', 'catalogue') }],
] as const);

/**
 * Catalogue relations that name an owner, and which end is the owned entity: the source of
 * `ownedBy`, the target of `ownerOf`.
 */
export const OWNER_RELATIONS: ReadonlyMap<string, 'source' | 'target'> = new Map([
  ['ownedBy', 'source'],
  ['ownerOf', 'target'],
] as const);
