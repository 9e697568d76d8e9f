/**
 * Risk levels of a change, lowest first.
 *
 * @public
 */
export const CHANGE_RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;

/** @public */
export type ChangeRiskLevel = (typeof CHANGE_RISK_LEVELS)[number];

/**
 * Lowest score (on the 1–25 impact × likelihood scale) of each level above `low`. The bands
 * follow the usual 5×5 risk matrix: one strong factor alone stays medium, two together are
 * high, and critical needs high impact and high likelihood at once.
 *
 * @public
 */
export const CHANGE_RISK_LEVEL_THRESHOLDS: Readonly<Record<Exclude<ChangeRiskLevel, 'low'>, number>> = {
  medium: 5,
  high: 10,
  critical: 15,
};

/**
 * The level of a 1–25 score.
 *
 * @public
 */
export function changeRiskLevel(score: number): ChangeRiskLevel {
  if (score >= CHANGE_RISK_LEVEL_THRESHOLDS.critical) return 'critical';
  if (score >= CHANGE_RISK_LEVEL_THRESHOLDS.high) return 'high';
  if (score >= CHANGE_RISK_LEVEL_THRESHOLDS.medium) return 'medium';
  return 'low';
}
