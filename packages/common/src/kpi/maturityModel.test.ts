import { ItamValidationError } from '../errors';
import { DEFAULT_MATURITY_MODEL, MATURITY_CRITERIA, resolveMaturityModel } from './maturityModel';

describe('resolveMaturityModel', () => {
  it('defaults to the published model, whose thresholds never fall from one level to the next', () => {
    expect(resolveMaturityModel()).toEqual(DEFAULT_MATURITY_MODEL);
    for (const c of MATURITY_CRITERIA) {
      let previous = 0;
      for (const level of [2, 3, 4, 5] as const) {
        const t = DEFAULT_MATURITY_MODEL.thresholds[level][c];
        if (t === undefined) continue;
        expect(t).toBeGreaterThanOrEqual(previous);
        previous = t;
      }
    }
  });

  it('applies overrides and drops requirements set to null, leaving the defaults untouched', () => {
    const m = resolveMaturityModel({
      thresholds: { 3: { 'owner-coverage': 0.9, 'licence-reconciliation-coverage': null } },
      auditLookbackDays: 180,
      lifecycleFields: { cloud: [] },
    });
    expect(m.thresholds[3]['owner-coverage']).toBe(0.9);
    expect(m.thresholds[3]).not.toHaveProperty('licence-reconciliation-coverage');
    expect(m.auditLookbackDays).toBe(180);
    expect(m.lifecycleFields.cloud).toEqual([]);
    expect(DEFAULT_MATURITY_MODEL.thresholds[3]['licence-reconciliation-coverage']).toBe(0.5);
  });

  it('refuses bad overrides, naming each', () => {
    const call = () =>
      resolveMaturityModel({
        thresholds: { 3: { 'owner-coverage': 1.5, 'coffee-coverage': 0.5 } as never, 7: {} } as never,
        auditLookbackDays: 0,
        lifecycleFields: { furniture: [] as never[], hardware: ['colour'] } as never,
      });
    expect(call).toThrow(ItamValidationError);
    try {
      call();
    } catch (e) {
      expect((e as ItamValidationError).issues.map(i => i.path)).toEqual([
        'thresholds.3.owner-coverage',
        'thresholds.3.coffee-coverage',
        'thresholds.7',
        'auditLookbackDays',
        'lifecycleFields.furniture',
        'lifecycleFields.hardware',
      ]);
    }
  });
});
