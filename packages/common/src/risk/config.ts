import { z } from 'zod';
import { parseOrThrow } from '../validation';
import { RISK_RULE_IDS } from './ruleIds';

const days = (defaultDays: number) =>
  z
    .number({ invalid_type_error: 'must be a number of days' })
    .int('must be a whole number of days')
    .nonnegative('must not be negative')
    .max(36_500, 'must be at most 36500 days (100 years)')
    .default(defaultDays);

/**
 * Thresholds of the risk rules. Every field has a default, so `{}` is a complete configuration.
 *
 * Defaults follow common ITAM practice: half a year of notice before end of life (time to
 * budget and procure a replacement), a quarter before end of support and before an entitlement
 * ends (a renewal cycle), and a yearly physical audit.
 *
 * @public
 */
export const riskConfigSchema = z
  .object({
    /** Criticality tiers up to and including this one count as critical (1 is most critical). */
    criticalTierMax: z
      .number({ invalid_type_error: 'must be a criticality tier' })
      .int()
      .min(1, 'must be a tier from 1 to 4')
      .max(4, 'must be a tier from 1 to 4')
      .default(2),
    /** No risk rule warns before a warranty ends; the pages and panels that show it do. */
    warranty: z.object({ warnWithinDays: days(90) }).strict().default({}),
    endOfLife: z.object({ warnWithinDays: days(180) }).strict().default({}),
    endOfSupport: z.object({ warnWithinDays: days(90) }).strict().default({}),
    entitlementExpiry: z
      .object({
        warnWithinDays: days(90),
        /** Within this many days the finding is raised from medium to high. */
        urgentWithinDays: days(30),
      })
      .strict()
      .default({})
      .refine(e => e.urgentWithinDays <= e.warnWithinDays, {
        message: 'urgentWithinDays must not exceed warnWithinDays',
        path: ['urgentWithinDays'],
      }),
    audit: z.object({ maxDaysSinceVerified: days(365) }).strict().default({}),
    /** Rules to skip entirely, e.g. where discovery is not connected. */
    disabledRules: z.array(z.enum(RISK_RULE_IDS)).default([]),
  })
  .strict();

/**
 * A complete risk configuration, defaults applied.
 *
 * @public
 */
export type RiskConfig = z.output<typeof riskConfigSchema>;

/**
 * What a caller may pass as risk configuration: any subset of {@link RiskConfig}.
 *
 * @public
 */
export type RiskConfigInput = z.input<typeof riskConfigSchema>;

/**
 * Validates a risk configuration and fills in the defaults.
 *
 * @throws {@link ItamValidationError} listing every bad threshold with its path.
 * @public
 */
export function parseRiskConfig(input: unknown = {}): RiskConfig {
  return parseOrThrow(riskConfigSchema, input, 'risk configuration');
}

/**
 * The configuration used when none is given.
 *
 * @public
 */
export const DEFAULT_RISK_CONFIG: RiskConfig = riskConfigSchema.parse({});
