import type { ConsumerKind, LicenceMetric, LicenceUnit } from './metrics';
import type { TermStatus } from './terms';

/**
 * Compliance status of a product.
 *
 * - `under-licensed`: some demand is not covered (a shortfall), whatever else is true.
 * - `incomplete`: no shortfall found, but some device lacked the hardware facts its metric needs,
 *   so its demand was counted as a lower bound; compliance is not proven.
 * - `over-licensed`: all demand covered and rights are left unused.
 * - `compliant`: all demand covered, nothing unused.
 * - `unreconciled`: the product is not under management.
 *
 * @public
 */
export type LicenceStatus =
  | 'compliant'
  | 'under-licensed'
  | 'over-licensed'
  | 'incomplete'
  | 'unreconciled';

/**
 * Every status, in the order a summary lists them.
 *
 * @public
 */
export const LICENCE_STATUSES: readonly LicenceStatus[] = [
  'compliant',
  'under-licensed',
  'over-licensed',
  'incomplete',
  'unreconciled',
];

/**
 * Why a right was used: an allocation to the consumer, a site or unlimited right, or the general
 * pool of the product's rights.
 *
 * @public
 */
export type ConsumptionVia = 'allocation' | 'unlimited' | 'pool';

/**
 * How the right's version relates to the consumer's: the same version, a right with no version
 * (it covers every version), or a newer version used through downgrade rights.
 *
 * @public
 */
export type VersionMatch = 'same-version' | 'version-independent' | 'downgrade';

/**
 * An amount of one entitlement consumed by one consumer.
 *
 * @public
 */
export interface Consumption {
  entitlementId: string;
  /** The product the entitlement was bought for (differs from the consumer's under downgrade). */
  productId: string;
  /** Units of the consumer's metric; for site and unlimited rights, the demand they covered. */
  amount: number;
  via: ConsumptionVia;
  match: VersionMatch;
}

/**
 * The counting rule behind a demand figure.
 *
 * @public
 */
export const DEMAND_RULES = [
  'per-device',
  'per-user',
  'concurrent-peak',
  'all-cores',
  'processors',
  'windows-server-physical',
  'windows-server-standard-host',
  'windows-server-virtual-ose',
  'sql-server-physical',
  'sql-server-virtual',
  'oracle-core-factor',
  'oracle-authorised-cloud',
  'oracle-rounding',
  'ibm-pvu-full-capacity',
  'ibm-pvu-public-cloud',
] as const;
/** @public */
export type DemandRule = (typeof DEMAND_RULES)[number];

/**
 * How a consumer's demand was computed, with the figures that went into it.
 *
 * @public
 */
export interface DemandBasis {
  rule: DemandRule;
  /** The arithmetic with the actual figures, e.g. `max(16, 2 × max(8, 12)) = 24`. */
  formula: string;
  /** The device whose hardware facts were used (the host when VMs are counted on it). */
  factsDeviceId?: string;
  processors?: number;
  coresPerProcessor?: number;
  /** Windows Server VMs counted on a host. */
  virtualOses?: number;
  /** Oracle core factor used. */
  factor?: number;
  /** IBM PVUs per core used. */
  pvuPerCore?: number;
  /** The vendor table row used; `null` when the processor is not in the table. */
  tableEntry?: string | null;
  /** True when facts were missing or zero and 1 processor / 1 core was assumed (a lower bound). */
  factsIncomplete?: boolean;
}

/**
 * Codes of the remarks attached to a consumer's explanation.
 *
 * @public
 */
export const EXPLANATION_CODES = [
  'allocation-inactive',
  'allocation-insufficient',
  'facts-missing',
  'facts-incomplete',
  'host-facts-missing',
  'vms-counted-on-host',
  'unlisted-processor',
] as const;
/** @public */
export type ExplanationCode = (typeof EXPLANATION_CODES)[number];

/**
 * A remark on a consumer: a stable code for the UI and a sentence for people.
 *
 * @public
 */
export interface ExplanationNote {
  code: ExplanationCode;
  message: string;
  entitlementId?: string;
}

/**
 * Which evidence needed what, and which entitlements covered it: one entry per consumer.
 *
 * @public
 */
export interface ConsumerExplanation {
  /** `rounding` is the part a vendor's rounding rule adds (Oracle: per core-factor group). */
  consumerKind: ConsumerKind | 'rounding';
  /** The device (or host), user ref, `concurrent`, or `oracle-rounding:<factor>`. */
  consumerId: string;
  /** Installations counted on this consumer. */
  installationIds: string[];
  /**
   * Only for a host that VMs are counted on: the devices whose installations are counted here
   * (its VMs, and the host itself when it has installations of its own), sorted.
   */
  deviceIds?: string[];
  userRef?: string;
  peak?: number;
  observedAt?: string;
  metric: LicenceMetric;
  demand: number;
  basis: DemandBasis;
  /** Read-only: consumers that consumed nothing share one empty list. */
  consumed: readonly Consumption[];
  /** Demand no right covered. */
  shortfall: number;
  /** Remarks on this consumer; read-only, as consumers without any share one empty list. */
  notes: readonly ExplanationNote[];
}

/**
 * What became of one of the product's own entitlements.
 *
 * @public
 */
export interface EntitlementUsage {
  entitlementId: string;
  metric: LicenceMetric;
  /** `null` for site and unlimited rights. */
  quantity: number | null;
  termStatus: TermStatus;
  consumed: number;
  /** `null` for site and unlimited rights. */
  remaining: number | null;
  /** Part of `consumed` used by older versions through downgrade rights. */
  lentToOtherVersions: number;
  consumers: number;
}

/**
 * Evidence that was not counted, and why (e.g. installations of a product licensed per user).
 *
 * @public
 */
export interface IgnoredEvidence {
  kind: ConsumerKind;
  count: number;
  reason: string;
}

/**
 * The position of a product in one metric.
 *
 * @public
 */
export interface MetricPosition {
  metric: LicenceMetric;
  unit: LicenceUnit;
  /** Demand of the product's evidence counted in this metric (after vendor rounding). */
  required: number;
  /** Quantity of the product's own rights in this metric active on the date. */
  entitled: number;
  /**
   * Effective rights: what covered this product's demand (own rights, newer versions' rights used
   * through downgrade, site or unlimited rights) plus own rights left unused.
   */
  owned: number;
  /** `owned − required`; negative is a shortfall. */
  position: number;
  /** Finite rights consumed by this product's demand. */
  consumed: number;
  /** Demand covered by site or unlimited rights. */
  coveredByUnlimited: number;
  /** Demand no right covered. */
  shortfall: number;
  /** Own rights left unused. */
  surplus: number;
  /** Whether a site or unlimited right applies to this product. */
  unlimited: boolean;
  /** Unit price used for the true-up: the cheapest applicable entitlement in this metric. */
  unitCost: number | null;
  priceEntitlementId: string | null;
  /** `shortfall × unitCost`; `null` when there is a shortfall but no price. */
  trueUpCost: number | null;
}

/**
 * An installation that could be removed to reclaim its rights.
 *
 * @public
 */
export interface HarvestCandidate {
  installationId: string;
  deviceId: string;
  /** `null` when metering saw no use at all. */
  lastUsed: string | null;
  /** Whole days between `lastUsed` and the reconciliation date; `null` when never used. */
  daysUnused: number | null;
  reason: 'never-used' | 'unused';
}

/**
 * Estimated cost of buying the shortfall.
 *
 * @public
 */
export interface TrueUpEstimate {
  cost: number;
  /** The currency of all prices; `null` when nothing is priced. */
  currency: string | null;
  /** False when part of a shortfall has no price, so `cost` understates the true-up. */
  complete: boolean;
}

/**
 * The effective licence position of one product.
 *
 * @public
 */
export interface ProductPosition {
  productId: string;
  publisher: string;
  name: string;
  version?: string;
  underManagement: boolean;
  status: LicenceStatus;
  /** The unit of `required`, `owned` and `position`; `null` when lines mix units or there are none. */
  unit: LicenceUnit | null;
  /** Sums over `lines` when they share a unit; `null` when they do not or the product is unreconciled. */
  required: number | null;
  owned: number | null;
  position: number | null;
  /** One line per metric the product's demand or own rights are counted in. */
  lines: MetricPosition[];
  trueUp: TrueUpEstimate;
  harvestCandidates: HarvestCandidate[];
  explanation: {
    consumers: ConsumerExplanation[];
    entitlements: EntitlementUsage[];
    ignoredEvidence: IgnoredEvidence[];
  };
}

/**
 * Totals over many product positions.
 *
 * @public
 */
export interface LicencePositionSummary {
  products: number;
  /** Products under management. */
  reconciled: number;
  byStatus: Record<LicenceStatus, number>;
  /**
   * Reconciled products proven to have no shortfall (compliant or over-licensed) ÷ reconciled
   * products; `null` when none is reconciled. Incomplete products count as not proven.
   */
  complianceRate: number | null;
  trueUp: TrueUpEstimate;
  harvestCandidates: number;
}

/**
 * The result of a reconciliation.
 *
 * @public
 */
export interface LicencePositionReport {
  asOf: string;
  harvestAfterDays: number;
  concurrentPeakWindowDays: number;
  /** Every product of the input, sorted by id. */
  products: ProductPosition[];
  summary: LicencePositionSummary;
}
