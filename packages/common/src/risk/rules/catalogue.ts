import type { RiskRule } from '../types';
import { assetWithoutOwnerRule } from './assetWithoutOwner';
import { auditOverdueRule } from './auditOverdue';
import { endOfLifeRule } from './endOfLife';
import { endOfSupportRule } from './endOfSupport';
import { entitlementExpiringRule } from './entitlementExpiring';
import { licenceShortfallRule } from './licenceShortfall';
import { retiredNotSanitisedRule } from './retiredNotSanitised';
import { unregisteredDiscoveredRule } from './unregisteredDiscovered';
import { warrantyExpiredRule } from './warrantyExpired';

/**
 * Every risk rule, in the order of {@link RISK_RULE_IDS}.
 *
 * @public
 */
export const RISK_RULES: readonly RiskRule[] = [
  endOfLifeRule,
  endOfSupportRule,
  warrantyExpiredRule,
  licenceShortfallRule,
  entitlementExpiringRule,
  assetWithoutOwnerRule,
  auditOverdueRule,
  retiredNotSanitisedRule,
  unregisteredDiscoveredRule,
];
