// Working state of one reconciliation. Internal: the public result is built from it by
// position.ts, so these shapes can change for speed without breaking callers.
import type {
  ConsumerKind,
  CoreCountingRule,
  LicenceMetric,
  LicenceMetricInfo,
} from './metrics';
import type {
  ConsumerExplanation,
  Consumption,
  DemandBasis,
  ExplanationNote,
  HarvestCandidate,
  MetricPosition,
  VersionMatch,
} from './resultTypes';
import type { TermStatus } from './terms';
import type { DeviceFacts, Entitlement, SoftwareProduct } from './types';

/** One entitlement and what is left of it. */
export interface RightState {
  ent: Entitlement;
  productIdx: number;
  info: LicenceMetricInfo;
  termStatus: TermStatus;
  active: boolean;
  /** 0 for site and unlimited rights, which are never decremented. */
  quantity: number;
  remaining: number;
  consumed: number;
  lent: number;
  consumers: number;
  /** Position in the pool order (earliest end first, perpetual last, then id). */
  poolRank: number;
  /** Products whose `available` sums include this right, so consuming it can update them. */
  coverTargets: ProductNode[];
}

/** A right a product may use, and how its version relates to the product's. */
export interface Candidate {
  right: RightState;
  match: VersionMatch;
}

/** A cursor-walked list of rights: exhausted rights never refill, so the cursor only advances. */
export interface RightQueue {
  items: Candidate[];
  cursor: number;
}

/** Rights a product may use in one metric. */
export interface MetricPool {
  same: RightQueue;
  downgrade: RightQueue;
}

/** What a product may consume, prepared once per reconciliation. */
export interface ProductPlan {
  pools: Map<LicenceMetric, MetricPool>;
  /** Remaining quantity, per metric, of the active finite rights the product may use. */
  available: Map<LicenceMetric, number>;
  /** Metrics of active finite candidates per consumer kind, in the order their rights are used. */
  metricOrder: Map<ConsumerKind, LicenceMetric[]>;
  /** The metric a consumer of each kind is counted in when no right fully covers it. */
  primaryMetric: Map<ConsumerKind, LicenceMetric>;
  unlimited: Candidate | null;
  /** Cheapest unit price per metric over every right that could cover the product, any term. */
  prices: Map<LicenceMetric, { unitCost: number; entitlementId: string }>;
  /** Consumer kinds some right of the product is counted by; empty when it has none. */
  rightKinds: Set<ConsumerKind>;
}

/**
 * Something that needs licences: a device (or host), a user, the concurrent peak, or rounding.
 * It is its own explanation: the allocation fills in the public fields of
 * {@link ConsumerExplanation} directly, so a million consumers are not copied into a million
 * result objects at the end. `metric` and `basis` are null only until the metric is fixed.
 */
export type Consumer = Omit<ConsumerExplanation, 'metric' | 'basis' | 'notes' | 'consumed'> & {
  metric: LicenceMetric | null;
  basis: DemandBasis | null;
  /** Shared empty array until the first note (most consumers have none). */
  notes: readonly ExplanationNote[];
  /** Shared empty array until the first consumption. */
  consumed: readonly Consumption[];
  /**
   * While reconciling, a device consumer's hardware facts, found when it is created: looking the
   * id up in the facts map for every demand cost a cache miss per consumer. Cleared before the
   * report (see position.ts), which states the facts it used in each basis.
   */
  facts: DeviceFacts | undefined;
};

/** The notes of a consumer without any: shared, so it is never written to. */
export const NO_NOTES: readonly ExplanationNote[] = Object.freeze([]);

/** The consumption of a consumer that consumed nothing: shared, so it is never written to. */
export const NO_CONSUMPTION: readonly Consumption[] = Object.freeze([]);

/** Records a consumption, creating the list at its exact size on the first one. */
export function addConsumption(c: Consumer, x: Consumption): void {
  if (c.consumed === NO_CONSUMPTION) c.consumed = [x];
  else (c.consumed as Consumption[]).push(x);
}

/** Adds a note to a consumer's explanation. */
export function addNote(c: Consumer, note: ExplanationNote): void {
  if (c.notes === NO_NOTES) c.notes = [note];
  else (c.notes as ExplanationNote[]).push(note);
}

/** A product and everything gathered for it. */
export interface ProductNode {
  idx: number;
  product: SoftwareProduct;
  familyKey: string;
  managed: boolean;
  coreCounting: CoreCountingRule;
  /** Whether the family licenses the physical host of a VM (see evidence.ts). */
  hostMode: boolean;
  /** Whether any right of the family is allocated, so consumers need an allocation lookup. */
  hasAllocations: boolean;
  /** Version rank within the family (equal versions share a rank); -1 when versionless. */
  versionRank: number;
  ownRights: RightState[];
  /** While grouping: interned user refs assigned the product. */
  userSlots: Set<number> | null;
  concurrent: Consumer | null;
  /** Consumers in processing order: devices by id, users by id, the concurrent peak, rounding. */
  consumers: Consumer[];
  /** Sorted ranks of the device consumers (the first ones in `consumers`), for lookups. */
  deviceRanks: Int32Array | null;
  /** Sorted ranks of the user consumers, which start at `userOffset` in `consumers`. */
  userRanks: Int32Array | null;
  userOffset: number;
  ignored: Map<ConsumerKind, number>;
  /** Consumer kinds whose evidence counts for this product (see consumers.ts). */
  countedKinds: Set<ConsumerKind>;
  /** Per-metric totals, kept up to date as consumers are counted and covered. */
  lines: Map<LicenceMetric, MetricPosition>;
  /** Whether some consumer's demand is a lower bound for lack of hardware facts. */
  incomplete: boolean;
  /** Installations of the product (under management), counted or not. */
  installations: number;
  harvest: HarvestCandidate[];
  plan: ProductPlan | null;
}

/**
 * Creates an empty consumer. Every field is set here, even when undefined, so all consumers share
 * one hidden class and the hot loops over a million of them stay monomorphic.
 */
export function newConsumer(
  kind: Consumer['consumerKind'],
  id: string,
  installationIds: string[] = [],
): Consumer {
  return {
    consumerKind: kind,
    consumerId: id,
    installationIds,
    deviceIds: undefined,
    userRef: undefined,
    peak: undefined,
    observedAt: undefined,
    metric: null,
    demand: 0,
    basis: null,
    consumed: NO_CONSUMPTION,
    shortfall: 0,
    notes: NO_NOTES,
    facts: undefined,
  };
}
