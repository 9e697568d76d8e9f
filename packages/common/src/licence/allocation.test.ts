import { ItamRuleViolationError } from '../errors';
import { allocateSeat, allocationCapacity, checkAllocationCapacity, releaseSeat } from './allocation';
import type { Entitlement } from './types';

const seats = (quantity: number, userRefs?: string[]): Entitlement => ({
  id: 'e1',
  productId: 'p1',
  metric: 'per-user',
  quantity,
  ...(userRefs ? { allocations: { userRefs } } : {}),
});

describe('entitlement seats', () => {
  it('counts seats for metrics that count consumers, and none for core-based or site rights', () => {
    expect(allocationCapacity({ metric: 'per-user', quantity: 5 })).toBe(5);
    expect(allocationCapacity({ metric: 'per-device', quantity: 2 })).toBe(2);
    expect(allocationCapacity({ metric: 'subscription', quantity: 3 })).toBe(3);
    expect(allocationCapacity({ metric: 'per-core', quantity: 16 })).toBeUndefined();
    expect(allocationCapacity({ metric: 'site' })).toBeUndefined();
  });

  it('allocates until the seats are taken, idempotently, and then refuses', () => {
    const one = allocateSeat(seats(2), { userRef: 'user:default/jane' })!;
    expect(one.allocations).toEqual({ userRefs: ['user:default/jane'] });
    expect(allocateSeat(one, { userRef: 'user:default/jane' })).toBeUndefined();
    const two = allocateSeat(one, { userRef: 'user:default/sam' })!;
    let refusal: unknown;
    try {
      allocateSeat(two, { userRef: 'user:default/alex' });
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(ItamRuleViolationError);
    expect((refusal as ItamRuleViolationError).violations[0].ruleId).toBe('licence-over-allocated');
  });

  it('refuses a consumer the metric does not count', () => {
    expect(() => allocateSeat(seats(2), { deviceId: 'a1' })).toThrow(ItamRuleViolationError);
  });

  it('releases a seat, and reports over-allocation of a stored entitlement', () => {
    expect(releaseSeat(seats(2, ['user:default/jane']), { userRef: 'user:default/jane' })).toEqual(seats(2));
    expect(releaseSeat(seats(2), { userRef: 'user:default/jane' })).toBeUndefined();
    expect(checkAllocationCapacity(seats(1, ['user:default/a', 'user:default/b'])).map(v => v.ruleId)).toEqual(['licence-over-allocated']);
  });
});
