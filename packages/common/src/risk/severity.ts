/**
 * Severities of a risk finding, most severe first (the order findings are listed in).
 *
 * @public
 */
export const RISK_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

/** @public */
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];

/**
 * Orders two severities, most severe first: negative when `a` is more severe than `b`.
 *
 * @public
 */
export function compareRiskSeverity(a: RiskSeverity, b: RiskSeverity): number {
  return RISK_SEVERITIES.indexOf(a) - RISK_SEVERITIES.indexOf(b);
}
