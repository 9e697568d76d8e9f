import type {
  ConsumptionVia,
  DemandRule,
  LicenceMetric,
  LicenceStatus,
  LicenceUnit,
  MetricPosition,
  ProductPosition,
  VersionMatch,
} from '@itam/common';
import { productDisplayName } from '@itam/common';
import type { StatusLevel } from './assetStatus';
import { formatMoney } from './money';

/** A licence status in words, with how worrying it is. */
export const LICENCE_STATUS_DISPLAY: Record<LicenceStatus, { label: string; level: StatusLevel }> = {
  'under-licensed': { label: 'Under-licensed', level: 'error' },
  incomplete: { label: 'At risk: evidence incomplete', level: 'warning' },
  'over-licensed': { label: 'Over-licensed', level: 'ok' },
  compliant: { label: 'Compliant', level: 'ok' },
  unreconciled: { label: 'Not under management', level: 'unknown' },
};

/**
 * The order licence positions are listed in: shortfalls first, then products whose compliance
 * is not proven (at risk), then the covered ones, and products not under management last.
 */
const STATUS_ORDER: Record<LicenceStatus, number> = {
  'under-licensed': 0,
  incomplete: 1,
  'over-licensed': 2,
  compliant: 3,
  unreconciled: 4,
};

/** Orders positions worst first (see {@link STATUS_ORDER}), then by publisher and name. */
export function compareLicencePositions(
  a: Pick<ProductPosition, 'status' | 'publisher' | 'name' | 'version' | 'productId'>,
  b: Pick<ProductPosition, 'status' | 'publisher' | 'name' | 'version' | 'productId'>,
): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    a.publisher.localeCompare(b.publisher) ||
    productDisplayName(a).localeCompare(productDisplayName(b)) ||
    a.productId.localeCompare(b.productId)
  );
}

const UNIT_WORDS: Record<LicenceUnit, [one: string, many: string]> = {
  device: ['device', 'devices'],
  user: ['user', 'users'],
  core: ['core', 'cores'],
  processor: ['processor', 'processors'],
  'concurrent-user': ['concurrent user', 'concurrent users'],
  'oracle-processor': ['Oracle processor licence', 'Oracle processor licences'],
  pvu: ['PVU', 'PVUs'],
};

/** A count in its licence unit, e.g. `32 cores`, `1 device`; a bare number without a unit. */
export function quantity(n: number, unit: LicenceUnit | null | undefined): string {
  if (!unit) return String(n);
  const [one, many] = UNIT_WORDS[unit];
  return `${n} ${n === 1 ? one : many}`;
}

/** Display names of the licence metrics. */
export const LICENCE_METRIC_LABELS: Record<LicenceMetric, string> = {
  'per-device': 'Per device',
  'per-user': 'Per user',
  'per-core': 'Per core',
  'per-processor': 'Per processor',
  concurrent: 'Concurrent use',
  subscription: 'User subscription',
  site: 'Site licence',
  unlimited: 'Unlimited',
  'oracle-processor': 'Oracle processor (core factor)',
  'ibm-pvu': 'IBM PVU',
};

/** The counting rules behind a demand figure, in words. */
export const DEMAND_RULE_LABELS: Record<DemandRule, string> = {
  'per-device': 'One licence per device',
  'per-user': 'One licence per user',
  'concurrent-peak': 'Peak of concurrent use',
  'all-cores': 'Every core of the device',
  processors: 'Every processor of the device',
  'windows-server-physical': 'Windows Server: at least 8 cores per processor and 16 per server',
  'windows-server-standard-host': 'Windows Server Standard: host licensed for its virtual machines',
  'windows-server-virtual-ose': 'Windows Server: virtual machine counted on its host',
  'sql-server-physical': 'SQL Server: at least 4 cores per physical processor',
  'sql-server-virtual': 'SQL Server: at least 4 cores per virtual machine',
  'oracle-core-factor': 'Oracle: cores × core factor',
  'oracle-authorised-cloud': 'Oracle: authorised cloud environment',
  'oracle-rounding': 'Oracle: rounded up per core-factor group',
  'ibm-pvu-full-capacity': 'IBM: PVUs at full capacity',
  'ibm-pvu-public-cloud': 'IBM: PVUs in a public cloud',
};

/** Why a right was used, in words. */
export const CONSUMPTION_VIA_LABELS: Record<ConsumptionVia, string> = {
  allocation: 'allocated to it',
  unlimited: 'site or unlimited right',
  pool: 'from the pool',
};

/** How a right's version relates to the consumer's, in words. */
export const VERSION_MATCH_LABELS: Record<VersionMatch, string> = {
  'same-version': 'same version',
  'version-independent': 'any version',
  downgrade: 'downgrade right',
};

/**
 * Where a product stands, e.g. `Short 16 cores`, `4 devices spare`, `Exactly covered`; `null`
 * when there is nothing to say (not reconciled, or lines in several units: see the lines).
 */
export function positionText(p: Pick<ProductPosition, 'status' | 'position' | 'unit'>): string | null {
  if (p.status === 'unreconciled' || p.position === null) return null;
  if (p.position < 0) return `Short ${quantity(-p.position, p.unit)}`;
  if (p.position > 0) return `${quantity(p.position, p.unit)} spare`;
  return 'Exactly covered';
}

/** The same for one metric line. */
export function linePositionText(line: MetricPosition): string {
  if (line.unlimited && line.shortfall === 0) return 'Covered by a site or unlimited right';
  if (line.shortfall > 0) return `Short ${quantity(line.shortfall, line.unit)}`;
  if (line.surplus > 0) return `${quantity(line.surplus, line.unit)} spare`;
  return 'Exactly covered';
}

/**
 * The true-up estimate in words: the cost in its currency, `None` without a shortfall, and a
 * warning when part of the shortfall has no price (the cost then understates the true-up).
 */
export function trueUpText(p: Pick<ProductPosition, 'trueUp' | 'status'>): string {
  const { cost, currency, complete } = p.trueUp;
  if (p.status === 'unreconciled') return 'Not reconciled';
  if (cost === 0 && complete) return 'None';
  if (cost === 0 && !complete) return 'No price recorded';
  const amount = formatMoney(cost, currency);
  return complete ? amount : `At least ${amount} (part of the shortfall has no price)`;
}
