import { kpiResult, unavailableKpi, type KpiDefinition } from './kpiResult';

const def: KpiDefinition = { id: 'register-accuracy', name: 'Register accuracy', unit: 'ratio', definition: 'a ÷ b' };
const window = { from: '2026-01-01', to: '2026-03-31' };

describe('kpiResult', () => {
  it('divides the numerator by the denominator', () => {
    expect(kpiResult(def, window, 3, 4, 'none')).toEqual({ ...def, value: 0.75, numerator: 3, denominator: 4, window });
  });

  it('gives null and the reason for a zero denominator, never NaN', () => {
    const r = kpiResult(def, window, 0, 0, 'nothing audited');
    expect(r.value).toBeNull();
    expect(r.reason).toBe('nothing audited');
  });

  it('says why a KPI without data is unavailable', () => {
    expect(unavailableKpi(def, window, 'no audit results supplied')).toEqual({
      ...def,
      value: null,
      numerator: 0,
      denominator: 0,
      window,
      reason: 'no audit results supplied',
    });
  });
});
