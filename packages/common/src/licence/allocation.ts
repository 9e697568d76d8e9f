import { ItamRuleViolationError, type RuleViolation } from '../errors';
import { LICENCE_METRIC_INFO } from './metrics';
import type { Entitlement } from './types';

/**
 * A device or a user that an entitlement's rights are allocated to (a seat).
 *
 * @public
 */
export type AllocationConsumer = { deviceId: string; userRef?: undefined } | { userRef: string; deviceId?: undefined };

/**
 * How many consumers an entitlement's rights can be allocated to: its quantity when the metric
 * counts the consumers themselves (per-device, per-user, subscription seats); no limit (undefined)
 * for site and unlimited rights and for metrics counted in cores, processors or PVUs, where one
 * allocated device takes an amount of rights known only from its hardware.
 *
 * @public
 */
export function allocationCapacity(entitlement: Pick<Entitlement, 'metric' | 'quantity'>): number | undefined {
  const info = LICENCE_METRIC_INFO[entitlement.metric];
  if (info.unlimited || entitlement.quantity === undefined) return undefined;
  return info.unit === info.consumerKind ? entitlement.quantity : undefined;
}

/**
 * The rule that an entitlement is never allocated to more consumers than it has seats.
 *
 * @public
 */
export function checkAllocationCapacity(entitlement: Entitlement): RuleViolation[] {
  const capacity = allocationCapacity(entitlement);
  const allocated = (entitlement.allocations?.deviceIds?.length ?? 0) + (entitlement.allocations?.userRefs?.length ?? 0);
  if (capacity === undefined || allocated <= capacity) return [];
  return [
    {
      ruleId: 'licence-over-allocated',
      field: 'allocations',
      message: `entitlement ${entitlement.id} has ${capacity} seat(s); it cannot be allocated to ${allocated}`,
    },
  ];
}

/**
 * Allocates one seat of an entitlement to a device or a user. Returns the entitlement with the
 * allocation added, or `undefined` when the consumer already holds one (allocating is
 * idempotent).
 *
 * @throws {@link ItamRuleViolationError} when every seat is taken (`licence-over-allocated`) or
 *   the metric does not count that kind of consumer (`licence-allocation-kind`).
 * @public
 */
export function allocateSeat(entitlement: Entitlement, consumer: AllocationConsumer): Entitlement | undefined {
  const info = LICENCE_METRIC_INFO[entitlement.metric];
  const kind = consumer.deviceId !== undefined ? 'device' : 'user';
  if (info.consumerKind !== kind) {
    throw new ItamRuleViolationError([
      {
        ruleId: 'licence-allocation-kind',
        field: kind === 'device' ? 'deviceId' : 'userRef',
        message: `${entitlement.metric} rights are not allocated to a ${kind}`,
      },
    ]);
  }
  const allocations = entitlement.allocations ?? {};
  const key = kind === 'device' ? 'deviceIds' : 'userRefs';
  const value = consumer.deviceId ?? consumer.userRef;
  const current = allocations[key] ?? [];
  if (current.includes(value)) return undefined;
  const next: Entitlement = { ...entitlement, allocations: { ...allocations, [key]: [...current, value] } };
  const violations = checkAllocationCapacity(next);
  if (violations.length > 0) throw new ItamRuleViolationError(violations);
  return next;
}

/**
 * Releases the seat a device or user holds; `undefined` when it holds none.
 *
 * @public
 */
export function releaseSeat(entitlement: Entitlement, consumer: AllocationConsumer): Entitlement | undefined {
  const key = consumer.deviceId !== undefined ? 'deviceIds' : 'userRefs';
  const value = consumer.deviceId ?? consumer.userRef;
  const current = entitlement.allocations?.[key] ?? [];
  if (!current.includes(value)) return undefined;
  const remaining = current.filter(v => v !== value);
  const allocations = { ...entitlement.allocations, [key]: remaining };
  if (remaining.length === 0) delete allocations[key];
  const { allocations: _old, ...rest } = entitlement;
  return Object.keys(allocations).length > 0 ? { ...rest, allocations } : rest;
}
