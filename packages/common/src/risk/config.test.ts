import { ItamValidationError } from '../errors';
import { DEFAULT_RISK_CONFIG, parseRiskConfig } from './config';

describe('parseRiskConfig', () => {
  it('fills every default from an empty object', () => {
    expect(parseRiskConfig()).toEqual(DEFAULT_RISK_CONFIG);
    expect(DEFAULT_RISK_CONFIG).toEqual({
      criticalTierMax: 2,
      warranty: { warnWithinDays: 90 },
      endOfLife: { warnWithinDays: 180 },
      endOfSupport: { warnWithinDays: 90 },
      entitlementExpiry: { warnWithinDays: 90, urgentWithinDays: 30 },
      audit: { maxDaysSinceVerified: 365 },
      disabledRules: [],
    });
  });

  it('keeps given thresholds and defaults the rest of a section', () => {
    const config = parseRiskConfig({ entitlementExpiry: { warnWithinDays: 60 }, criticalTierMax: 1 });
    expect(config.entitlementExpiry).toEqual({ warnWithinDays: 60, urgentWithinDays: 30 });
    expect(config.criticalTierMax).toBe(1);
  });

  it('reports every bad field with its path', () => {
    let error: unknown;
    try {
      parseRiskConfig({
        criticalTierMax: 5,
        endOfLife: { warnWithinDays: -1 },
        audit: { maxDaysSinceVerified: 1.5 },
        disabledRules: ['no-such-rule'],
        colour: 'red',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ItamValidationError);
    const paths = (error as ItamValidationError).issues.map(i => i.path).sort();
    expect(paths).toEqual([
      '',
      'audit.maxDaysSinceVerified',
      'criticalTierMax',
      'disabledRules.0',
      'endOfLife.warnWithinDays',
    ]);
  });

  it('refuses an urgent window longer than the warning window', () => {
    expect(() =>
      parseRiskConfig({ entitlementExpiry: { warnWithinDays: 10, urgentWithinDays: 20 } }),
    ).toThrow(/entitlementExpiry\.urgentWithinDays/);
  });
});
