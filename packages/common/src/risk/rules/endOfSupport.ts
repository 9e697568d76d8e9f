import type { RiskRule } from '../types';
import { deadlineFindings } from './deadline';

/**
 * `end-of-support`: an asset in the estate past its end-of-support date, or reaching it within
 * `endOfSupport.warnWithinDays` (default 90).
 *
 * @public
 */
export const endOfSupportRule: RiskRule = {
  id: 'end-of-support',
  evaluate: ctx =>
    deadlineFindings(ctx, {
      ruleId: 'end-of-support',
      field: 'endOfSupport',
      label: 'end of support',
      warnWithinDays: c => c.config.endOfSupport.warnWithinDays,
      actionPassed:
        'Buy extended support, upgrade to a supported version, or replace the asset; record a risk acceptance meanwhile.',
      actionUpcoming:
        'Decide before the date: upgrade, buy extended support, or replace the asset.',
    }),
};
