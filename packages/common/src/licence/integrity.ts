import type { ValidationIssue } from '../errors';
import { LICENCE_METRIC_INFO } from './metrics';
import type { LicenceInput } from './types';

/**
 * Beyond this many, further issues are summarised: a million bad rows make an unreadable error.
 *
 * @public
 */
export const MAX_REPORTED_ISSUES = 100;

/** Collects issues up to {@link MAX_REPORTED_ISSUES}, then counts the rest. */
export class IssueList {
  readonly issues: ValidationIssue[] = [];
  private dropped = 0;
  add(path: string, message: string) {
    if (this.issues.length < MAX_REPORTED_ISSUES) this.issues.push({ path, message });
    else this.dropped++;
  }
  result(): ValidationIssue[] {
    return this.dropped === 0
      ? this.issues
      : [...this.issues, { path: '', message: `and ${this.dropped} more problem(s) of the same kinds` }];
  }
}

function isCount(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

/**
 * Checks what per-record schemas cannot see: duplicate ids, references to unknown products or
 * devices, one currency across all prices, and the numbers the licence maths relies on. Runs in
 * linear time.
 *
 * `evidence: false` skips the per-installation, per-assignment and per-peak checks: the
 * reconciliation makes those while grouping evidence, rather than in a second pass over a million
 * installations, and tolerates duplicate installation ids (they are counted as the separate
 * records they are); {@link parseLicenceInput} refuses them. `devices: false` skips the checks of
 * the devices, made once where they were indexed ({@link LicenceDeviceIndex.of}).
 *
 * @returns every problem found (at most {@link MAX_REPORTED_ISSUES}, then a summary line).
 * @public
 */
export function checkLicenceInputIntegrity(
  input: LicenceInput,
  scope: { evidence: boolean; devices?: boolean } = { evidence: true },
): ValidationIssue[] {
  const issues = new IssueList();
  const products = new Set<string>();
  input.products.forEach((p, i) => {
    if (products.has(p.id)) issues.add(`products.${i}.id`, `duplicates product id "${p.id}"`);
    products.add(p.id);
  });

  const entitlementIds = new Set<string>();
  const currencyCount = new Map<string, number>();
  input.entitlements.forEach((e, i) => {
    if (entitlementIds.has(e.id)) issues.add(`entitlements.${i}.id`, `duplicates entitlement id "${e.id}"`);
    entitlementIds.add(e.id);
    if (!products.has(e.productId)) issues.add(`entitlements.${i}.productId`, `names unknown product "${e.productId}"`);
    const info = LICENCE_METRIC_INFO[e.metric];
    if (info === undefined) {
      issues.add(`entitlements.${i}.metric`, `is not a licence metric: ${JSON.stringify(e.metric)}`);
    } else if (!info.unlimited && !isCount(e.quantity)) {
      issues.add(`entitlements.${i}.quantity`, 'must be a whole number of at least 0');
    }
    if (e.termStart !== undefined && e.termEnd !== undefined && e.termEnd < e.termStart) {
      issues.add(`entitlements.${i}.termEnd`, `must not be before termStart (${e.termStart})`);
    }
    if (e.unitCost !== undefined && (!Number.isFinite(e.unitCost) || e.unitCost < 0)) {
      issues.add(`entitlements.${i}.unitCost`, 'must be a finite amount of at least 0');
    }
    if ((e.unitCost === undefined) !== (e.currency === undefined)) {
      issues.add(`entitlements.${i}.currency`, 'unitCost and currency are given together or not at all');
    }
    if (e.currency !== undefined) currencyCount.set(e.currency, (currencyCount.get(e.currency) ?? 0) + 1);
  });
  addMixedCurrencyIssues(input.entitlements, currencyCount, issues);

  if (scope.evidence) {
    const installationIds = new Set<string>();
    input.installations.forEach((inst, i) => {
      if (installationIds.has(inst.id)) issues.add(`installations.${i}.id`, `duplicates installation id "${inst.id}"`);
      installationIds.add(inst.id);
      if (!products.has(inst.productId)) issues.add(`installations.${i}.productId`, `names unknown product "${inst.productId}"`);
    });
  }

  if (scope.devices !== false) for (const issue of checkDeviceIntegrity(input.devices)) issues.add(issue.path, issue.message);

  if (scope.evidence) {
    input.userAssignments.forEach((a, i) => {
      if (!products.has(a.productId)) issues.add(`userAssignments.${i}.productId`, `names unknown product "${a.productId}"`);
    });
    input.concurrentPeaks.forEach((p, i) => {
      if (!products.has(p.productId)) issues.add(`concurrentPeaks.${i}.productId`, `names unknown product "${p.productId}"`);
    });
  }
  input.concurrentPeaks.forEach((p, i) => {
    if (!isCount(p.peak)) issues.add(`concurrentPeaks.${i}.peak`, 'must be a whole number of at least 0');
  });
  return issues.result();
}

/**
 * Refuses prices in more than one currency, naming the minority currencies as the offenders: the
 * fix is usually to convert those few.
 */
export function addMixedCurrencyIssues(
  entitlements: readonly { currency?: string }[],
  currencyCount: ReadonlyMap<string, number>,
  issues: IssueList,
): void {
  if (currencyCount.size <= 1) return;
  const [main] = [...currencyCount].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  const all = [...currencyCount.keys()].sort().join(', ');
  entitlements.forEach((e, i) => {
    if (e.currency !== undefined && e.currency !== main) {
      issues.add(
        `entitlements.${i}.currency`,
        `is ${e.currency}, but most prices are in ${main}: mixed currencies (${all}) are refused; convert unit costs to one currency before reconciling`,
      );
    }
  });
}

/**
 * Checks an estate's device facts: one entry per device, whole-number counts, and host links from
 * a VM to another, physical device.
 *
 * @returns every problem found (at most {@link MAX_REPORTED_ISSUES}, then a summary line).
 * @public
 */
export function checkDeviceIntegrity(devices: readonly LicenceInput['devices'][number][]): ValidationIssue[] {
  const issues = new IssueList();
  const byId = new Map<string, LicenceInput['devices'][number]>();
  devices.forEach((d, i) => {
    if (byId.has(d.deviceId)) issues.add(`devices.${i}.deviceId`, `duplicates device "${d.deviceId}"`);
    byId.set(d.deviceId, d);
    if (!isCount(d.processors)) issues.add(`devices.${i}.processors`, 'must be a whole number of at least 0');
    if (!isCount(d.coresPerProcessor)) issues.add(`devices.${i}.coresPerProcessor`, 'must be a whole number of at least 0');
    if (d.hostDeviceId !== undefined && d.kind !== 'virtual') issues.add(`devices.${i}.hostDeviceId`, 'is only for virtual devices');
  });
  devices.forEach((d, i) => {
    if (d.hostDeviceId === undefined) return;
    const host = byId.get(d.hostDeviceId);
    if (d.hostDeviceId === d.deviceId) issues.add(`devices.${i}.hostDeviceId`, 'must name another device');
    else if (host !== undefined && host.kind !== 'physical') {
      issues.add(`devices.${i}.hostDeviceId`, `must name a physical device; "${d.hostDeviceId}" is virtual (nested virtualisation is not modelled)`);
    }
  });

  return issues.result();
}
