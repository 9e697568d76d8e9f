/**
 * The licence metrics an entitlement can be counted in (docs/domain/licensing.md).
 *
 * `subscription` is a per-user subscription (e.g. a named-user SaaS seat); `site` and `unlimited`
 * cover every consumer of the product; `oracle-processor` and `ibm-pvu` are the vendors'
 * core-factor metrics.
 *
 * @public
 */
export const LICENCE_METRICS = [
  'per-device',
  'per-user',
  'per-core',
  'per-processor',
  'concurrent',
  'subscription',
  'site',
  'unlimited',
  'oracle-processor',
  'ibm-pvu',
] as const;

/** @public */
export type LicenceMetric = (typeof LICENCE_METRICS)[number];

/**
 * What consumes a licence: a device (from installations), a user (from assignments) or the
 * product's concurrent-use peak.
 *
 * @public
 */
export const CONSUMER_KINDS = ['device', 'user', 'concurrent'] as const;

/** @public */
export type ConsumerKind = (typeof CONSUMER_KINDS)[number];

/**
 * The unit a licence position is counted in. Positions in different units are never added.
 *
 * @public
 */
export const LICENCE_UNITS = [
  'device',
  'user',
  'core',
  'processor',
  'concurrent-user',
  'oracle-processor',
  'pvu',
] as const;

/** @public */
export type LicenceUnit = (typeof LICENCE_UNITS)[number];

/**
 * How a metric counts.
 *
 * @public
 */
export interface LicenceMetricInfo {
  metric: LicenceMetric;
  /** Unit of required and owned rights; `null` for site and unlimited rights, which have no count. */
  unit: LicenceUnit | null;
  /** The consumer the metric licenses; `null` when it licenses every kind (site, unlimited). */
  consumerKind: ConsumerKind | null;
  /** Whether the right covers any number of consumers. */
  unlimited: boolean;
  /**
   * Whether downgrade rights may apply. Not for user subscriptions or concurrent use: those
   * grant the subscribed service or the current release, not a perpetual right to older versions.
   */
  downgradable: boolean;
}

function info(
  metric: LicenceMetric,
  unit: LicenceUnit | null,
  consumerKind: ConsumerKind | null,
  downgradable = true,
): LicenceMetricInfo {
  return { metric, unit, consumerKind, unlimited: unit === null, downgradable };
}

/**
 * Counting facts for every metric.
 *
 * @public
 */
export const LICENCE_METRIC_INFO: Readonly<Record<LicenceMetric, LicenceMetricInfo>> = {
  'per-device': info('per-device', 'device', 'device'),
  'per-user': info('per-user', 'user', 'user'),
  'per-core': info('per-core', 'core', 'device'),
  'per-processor': info('per-processor', 'processor', 'device'),
  concurrent: info('concurrent', 'concurrent-user', 'concurrent', false),
  subscription: info('subscription', 'user', 'user', false),
  site: info('site', null, null),
  unlimited: info('unlimited', null, null),
  'oracle-processor': info('oracle-processor', 'oracle-processor', 'device'),
  'ibm-pvu': info('ibm-pvu', 'pvu', 'device'),
};

/**
 * The metric a shortfall is counted in when a product has no right that could cover a consumer
 * of that kind (for instance, installations of a product with no entitlements at all).
 *
 * @public
 */
export const DEFAULT_METRIC_FOR_CONSUMER: Readonly<Record<ConsumerKind, LicenceMetric>> = {
  device: 'per-device',
  user: 'per-user',
  concurrent: 'concurrent',
};

/**
 * How a product counts cores under the `per-core` metric.
 *
 * - `all-cores`: every core of the device (a VM: its virtual cores).
 * - `sql-server`: Microsoft SQL Server (minimum 4 per physical processor, 4 per VM).
 * - `windows-server-standard` / `windows-server-datacenter`: Microsoft Windows Server (minimum 8
 *   per processor and 16 per server; Standard covers two virtual OSEs per full licensing of the
 *   host, Datacenter unlimited ones).
 *
 * @public
 */
export const CORE_COUNTING_RULES = [
  'all-cores',
  'sql-server',
  'windows-server-standard',
  'windows-server-datacenter',
] as const;

/** @public */
export type CoreCountingRule = (typeof CORE_COUNTING_RULES)[number];
