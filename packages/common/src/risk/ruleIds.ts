/**
 * Stable identifiers of the risk rules (docs/domain/risks.md), in the order they are documented.
 *
 * @public
 */
export const RISK_RULE_IDS = [
  'end-of-life',
  'end-of-support',
  'warranty-expired-critical',
  'licence-shortfall',
  'entitlement-expiring',
  'asset-without-owner',
  'audit-overdue',
  'retired-not-sanitised',
  'unregistered-discovered',
] as const;

/** @public */
export type RiskRuleId = (typeof RISK_RULE_IDS)[number];

/**
 * What each rule looks for, in words for the UI's rule list and for configuration screens.
 *
 * @public
 */
export const RISK_RULE_DESCRIPTIONS: Readonly<Record<RiskRuleId, string>> = {
  'end-of-life':
    'An asset still in the estate has passed its end-of-life date, or reaches it within the warning window.',
  'end-of-support':
    'An asset still in the estate has passed its end-of-support date, or reaches it within the warning window.',
  'warranty-expired-critical':
    'The warranty of a critical asset (criticality tier within the configured critical tiers) has ended.',
  'licence-shortfall': 'A software product is used on more devices or by more users than its rights cover.',
  'entitlement-expiring': 'A licence entitlement ends within the warning window.',
  'asset-without-owner':
    'An asset that has been ordered and not yet disposed of has no accountable owner.',
  'audit-overdue':
    'An asset expected to be physically present has not been verified by an audit within the configured number of days, or never.',
  'retired-not-sanitised':
    'A retired or disposed asset that held confidential or restricted data has no sanitisation record.',
  'unregistered-discovered':
    'Discovery saw a device whose source id and serial number match no asset in the register.',
};
