import type { Criticality, LifecycleStage } from '../asset/constants';
import type { AssetLinkType, EntityLinkRole } from '../links/schema';
import type { ChangeRiskLevel } from './riskLevel';

/**
 * An asset as the impact graph needs it.
 *
 * @public
 */
export interface ImpactAssetInput {
  id: string;
  tag: string;
  name: string;
  /** Tier 1 (most critical) to 4; unknown when absent. */
  criticality?: Criticality;
  lifecycleStage: LifecycleStage;
  /** Owner entity ref (`user:` or `group:`). */
  owner?: string;
  /** `YYYY-MM-DD`; an asset past or near it makes a change more likely to go wrong. */
  endOfLife?: string;
  /** `YYYY-MM-DD`; as `endOfLife`. */
  endOfSupport?: string;
}

/**
 * A link between two assets, read "asset `type` target asset", e.g. `vm-1 installed-on host-1`.
 *
 * @public
 */
export interface ImpactAssetLinkInput {
  assetId: string;
  type: AssetLinkType;
  targetAssetId: string;
}

/**
 * A link between an asset and a catalogue entity, with its role.
 *
 * @public
 */
export interface ImpactEntityLinkInput {
  assetId: string;
  entityRef: string;
  role: EntityLinkRole;
}

/**
 * A catalogue entity as the impact graph needs it. Its kind is read from the ref.
 *
 * @public
 */
export interface ImpactEntityInput {
  /** Entity ref with a kind, e.g. `component:default/payments` or `component:payments`. */
  ref: string;
  title?: string;
  /** `spec.owner`; a ref without a kind means a group, as in Backstage. */
  owner?: string;
  /** `spec.lifecycle`, e.g. `production`; reported, not scored. */
  lifecycle?: string;
  /** Tier 1 (most critical) to 4, when the catalogue records one. */
  criticality?: Criticality;
}

/**
 * A catalogue relation as Backstage lists it: "source `type` target", e.g.
 * `component:default/a dependsOn resource:default/db`. Types the walk does not use (e.g.
 * `memberOf`) are counted and ignored.
 *
 * @public
 */
export interface ImpactRelationInput {
  source: string;
  type: string;
  target: string;
}

/**
 * An open incident ticket linked to an asset.
 *
 * @public
 */
export interface ImpactIncidentInput {
  assetId: string;
  /** Jira issue key, e.g. `OPS-123`. */
  issueKey: string;
}

/**
 * Everything {@link buildImpactGraph} indexes, as plain data. Every list may be empty or absent.
 *
 * @public
 */
export interface ImpactGraphData {
  assets?: readonly ImpactAssetInput[];
  assetLinks?: readonly ImpactAssetLinkInput[];
  entities?: readonly ImpactEntityInput[];
  entityLinks?: readonly ImpactEntityLinkInput[];
  relations?: readonly ImpactRelationInput[];
  openIncidents?: readonly ImpactIncidentInput[];
}

/**
 * A catalogue entity as stored in the graph: ref normalised, owners gathered from `spec.owner`
 * and the `ownedBy` / `ownerOf` relations.
 *
 * @public
 */
export interface ImpactGraphEntity {
  ref: string;
  kind: string;
  title?: string;
  owners: readonly string[];
  lifecycle?: string;
  criticality?: Criticality;
}

/**
 * Counts from building the graph, so an adapter can tell data loss from an empty catalogue.
 *
 * @public
 */
export interface ImpactGraphStats {
  assets: number;
  entities: number;
  /** Distinct walkable edges after merging relations stated from both ends. */
  edges: number;
  /** Relations of types the walk does not use (e.g. `memberOf`). */
  ignoredRelations: number;
  /** Links, relations and incidents naming an asset or entity absent from the data; dropped. */
  danglingReferences: number;
}

/**
 * The prebuilt index a change-impact query walks. Build it once with {@link buildImpactGraph} and
 * reuse it for every query; treat it as read-only and opaque apart from `stats`.
 *
 * Nodes `0 … assets.length-1` are assets sorted by id, the rest entities sorted by ref; the
 * adjacency is compressed rows (`offsets`, `targets`, `edgeKinds`) sorted by target, so a walk
 * visits nodes in the same order whatever the order of the input data.
 *
 * @public
 */
export interface ImpactGraph {
  readonly assets: readonly ImpactAssetInput[];
  readonly entities: readonly ImpactGraphEntity[];
  readonly assetIndex: ReadonlyMap<string, number>;
  /** Normalised entity ref to node number. */
  readonly entityIndex: ReadonlyMap<string, number>;
  /** Row `n` of the adjacency is `targets[offsets[n]] … targets[offsets[n+1]-1]`. */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Index into {@link IMPACT_EDGE_KINDS} of each edge. */
  readonly edgeKinds: Uint8Array;
  /** Sorted, distinct open incident keys per asset node. */
  readonly incidents: ReadonlyMap<number, readonly string[]>;
  /** The (frozen) reference to each node used in results, made once rather than per query. */
  readonly nodeRefs: readonly ImpactNodeRef[];
  /** Rank of each asset node in (tag, id) order, so results sort by tag with a numeric sort. */
  readonly assetTagRank: Int32Array;
  /** The inverse: the asset node of each rank. */
  readonly assetsInTagOrder: Int32Array;
  readonly stats: ImpactGraphStats;
}

/**
 * An asset or entity in a result.
 *
 * @public
 */
export type ImpactNodeRef = { type: 'asset'; id: string; tag: string } | { type: 'entity'; ref: string };

/**
 * One step of a path: `to` is affected because of `from`. The stated relation reads
 * "from `relation` to", or "to `relation` from" when `inverse` (see {@link describeImpactHop}).
 *
 * @public
 */
export interface ImpactHop {
  from: ImpactNodeRef;
  to: ImpactNodeRef;
  relation: string;
  inverse: boolean;
}

/**
 * An asset reached by the walk. Named items have distance 0 and an empty path.
 *
 * @public
 */
export interface AffectedAsset extends ImpactAssetInput {
  distance: number;
  /** Hops from an item named on the change to this asset (a shortest one). */
  path: ImpactHop[];
  openIncidents: readonly string[];
}

/**
 * A catalogue entity reached by the walk. Named items have distance 0 and an empty path.
 *
 * @public
 */
export interface AffectedEntity extends ImpactGraphEntity {
  distance: number;
  path: ImpactHop[];
}

/**
 * Someone who owns at least one affected item, listed once with everything they own.
 *
 * @public
 */
export interface OwnerToNotify {
  /** Owner entity ref, e.g. `group:default/payments-team`. */
  owner: string;
  /** The affected items they own, nearest to the change first. */
  owns: ImpactNodeRef[];
  /** Why they are notified, in words. */
  why: string;
}

/**
 * What drives the change risk score.
 *
 * @public
 */
export const CHANGE_RISK_FACTORS = ['baseline', 'criticality', 'breadth', 'incident-history', 'lifecycle', 'change-window'] as const;
/** @public */
export type ChangeRiskFactor = (typeof CHANGE_RISK_FACTORS)[number];

/**
 * One contribution to the score: `points` added to the impact or the likelihood.
 *
 * @public
 */
export interface ChangeRiskReason {
  factor: ChangeRiskFactor;
  dimension: 'impact' | 'likelihood';
  points: number;
  explanation: string;
}

/**
 * The risk of a change: `score = impact × likelihood`, where `impact` and `likelihood` are each
 * the sum of the points of the reasons with that dimension (1–5 each, so the score is 1–25).
 *
 * @public
 */
export interface ChangeRiskAssessment {
  score: number;
  level: ChangeRiskLevel;
  impact: number;
  likelihood: number;
  /** Every reason that contributed points, impact first. */
  reasons: ChangeRiskReason[];
}

/**
 * The change window: when the change is carried out and whether that is in an agreed
 * maintenance window (unknown when absent, which is scored as outside).
 *
 * @public
 */
export interface ChangeWindowInput {
  /** ISO 8601 date-time. */
  start: string;
  /** ISO 8601 date-time, not before `start`. */
  end: string;
  inMaintenanceWindow?: boolean;
}

/**
 * What a change ticket names, and when it happens.
 *
 * @public
 */
export interface ChangeImpactQuery {
  assetIds?: readonly string[];
  /** Entity refs with a kind (`component:payments` or `component:default/payments`). */
  entityRefs?: readonly string[];
  window: ChangeWindowInput;
}

/**
 * The impact of a change: what it reaches and how, who to tell, and how risky it is.
 *
 * @public
 */
export interface ChangeImpactResult {
  /** Named items the graph does not know; they are left out of everything else. */
  notFound: { assetIds: string[]; entityRefs: string[] };
  /** Named and reached assets, nearest first, then by tag. */
  affectedAssets: AffectedAsset[];
  /** Named and reached entities, nearest first, then by ref. */
  affectedEntities: AffectedEntity[];
  ownersToNotify: OwnerToNotify[];
  /** The most critical tier among named and affected items, and the items with it. */
  highestCriticality?: { tier: Criticality; items: ImpactNodeRef[] };
  /** Open incidents on named and affected assets. */
  openIncidents: { asset: ImpactNodeRef; issueKeys: readonly string[] }[];
  traversal: {
    maxDepth: number;
    /** The largest distance reached. */
    deepest: number;
    /** True when the depth bound stopped the walk before it ran out of edges. */
    truncated: boolean;
  };
  risk: ChangeRiskAssessment;
}
