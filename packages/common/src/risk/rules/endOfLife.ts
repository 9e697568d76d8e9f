import type { RiskRule } from '../types';
import { deadlineFindings } from './deadline';

/**
 * `end-of-life`: an asset in the estate past its end-of-life date, or reaching it within
 * `endOfLife.warnWithinDays` (default 180).
 *
 * @public
 */
export const endOfLifeRule: RiskRule = {
  id: 'end-of-life',
  evaluate: ctx =>
    deadlineFindings(ctx, {
      ruleId: 'end-of-life',
      field: 'endOfLife',
      label: 'end of life',
      warnWithinDays: c => c.config.endOfLife.warnWithinDays,
      actionPassed:
        'Replace or retire the asset; until then, record a risk acceptance and isolate it where possible.',
      actionUpcoming:
        'Plan and budget the replacement now, so the asset is retired before its end of life.',
    }),
};
