import type { LifecycleStage } from '../asset/constants';
import type { Asset, SanitisationRecord } from '../asset/types';
import type { RuleViolation } from '../errors';
import { stageRequirement } from './stageRequirements';
import { isTransitionInGraph, LIFECYCLE_TRANSITIONS } from './transitions';

// The requirements every asset in a stage meets (see stageRequirements.ts), checked here against
// the asset as the transition would leave it.
const needsOwner = stageRequirement('deploy-requires-owner');
const needsSanitisation = stageRequirement('dispose-requires-sanitisation');
const sanitisationDated = stageRequirement('sanitisation-not-in-future');

/**
 * What a transition needs to be judged: the asset as it is, the target stage and the request.
 *
 * @public
 */
export interface TransitionContext {
  asset: Pick<
    Asset,
    | 'assetClass'
    | 'lifecycleStage'
    | 'owner'
    | 'dataClassification'
    | 'endOfLife'
    | 'sanitisation'
  >;
  to: LifecycleStage;
  /** When the transition happens (ISO date-time); rules about dates compare against it. */
  at: string;
  reason?: string;
  /** A sanitisation record supplied with the transition (typically with a disposal). */
  sanitisation?: SanitisationRecord;
}

/**
 * The lifecycle guards' ids, in the order they are reported: what a refused transition's
 * `ruleId` holds, for clients that help the user meet a rule (a reason, a sanitisation record).
 *
 * @public
 */
export const LIFECYCLE_RULE_IDS = [
  'disposed-is-final',
  'same-stage',
  'transition-not-allowed',
  'hardware-received-before-deploy',
  'deploy-requires-owner',
  'deploy-before-end-of-life',
  'reason-required',
  'dispose-requires-sanitisation',
  'sanitisation-not-in-future',
] as const;

/** @public */
export type LifecycleRuleId = (typeof LIFECYCLE_RULE_IDS)[number];

/**
 * A lifecycle guard: returns a violation when it refuses the transition, otherwise undefined.
 *
 * @public
 */
export interface LifecycleRule {
  id: LifecycleRuleId;
  /** What the rule protects, for documentation and the UI. */
  description: string;
  check(ctx: TransitionContext): RuleViolation | undefined;
}

const STAGES_NEEDING_REASON: readonly LifecycleStage[] = ['retired', 'disposed'];

/**
 * Every lifecycle guard, in the order they are reported.
 *
 * @public
 */
export const LIFECYCLE_RULES: readonly LifecycleRule[] = [
  {
    id: 'disposed-is-final',
    description: 'A disposed asset has left the estate; nothing moves it back.',
    check: ({ asset }) =>
      asset.lifecycleStage === 'disposed'
        ? { ruleId: 'disposed-is-final', message: 'The asset is disposed; disposal is final' }
        : undefined,
  },
  {
    id: 'same-stage',
    description: 'A transition must change the stage.',
    check: ({ asset, to }) =>
      asset.lifecycleStage === to
        ? { ruleId: 'same-stage', message: `The asset is already ${to}` }
        : undefined,
  },
  {
    id: 'transition-not-allowed',
    description: 'Only the edges of the lifecycle graph are allowed.',
    check: ({ asset, to }) => {
      const from = asset.lifecycleStage;
      if (from === 'disposed' || from === to || isTransitionInGraph(from, to)) return undefined;
      const allowed = LIFECYCLE_TRANSITIONS[from];
      return {
        ruleId: 'transition-not-allowed',
        message: `An asset cannot move from ${from} to ${to}; from ${from} it can move to ${allowed.join(', ')}`,
      };
    },
  },
  {
    id: 'hardware-received-before-deploy',
    description: 'Hardware is received into stock (and tagged) before it is deployed.',
    check: ({ asset, to }) =>
      to === 'deployed' &&
      asset.assetClass === 'hardware' &&
      (asset.lifecycleStage === 'planned' || asset.lifecycleStage === 'ordered')
        ? {
            ruleId: 'hardware-received-before-deploy',
            message: 'Hardware must be received into stock before it is deployed',
          }
        : undefined,
  },
  {
    id: 'deploy-requires-owner',
    description: 'A deployed asset has an accountable owner.',
    check: ({ asset, to, at }) =>
      needsOwner.violatedBy({ ...asset, lifecycleStage: to }, at)
        ? {
            ruleId: 'deploy-requires-owner',
            message: 'The asset needs an owner before it is deployed',
          }
        : undefined,
  },
  {
    id: 'deploy-before-end-of-life',
    description: 'An asset past its end-of-life date is not put (back) into service.',
    check: ({ asset, to, at }) =>
      to === 'deployed' && asset.endOfLife && asset.endOfLife < at.slice(0, 10)
        ? {
            ruleId: 'deploy-before-end-of-life',
            message: `The asset reached end of life on ${asset.endOfLife} and cannot be deployed`,
          }
        : undefined,
  },
  {
    id: 'reason-required',
    description: 'Retiring, disposing and reinstating are explained in the history.',
    check: ({ asset, to, reason }) => {
      const needsReason =
        STAGES_NEEDING_REASON.includes(to) ||
        (asset.lifecycleStage === 'retired' && to === 'in-stock');
      return needsReason && !reason?.trim()
        ? { ruleId: 'reason-required', message: `Moving the asset to ${to} needs a reason` }
        : undefined;
    },
  },
  {
    id: 'dispose-requires-sanitisation',
    description:
      'Media that held confidential or restricted data are sanitised, and that is recorded, before disposal.',
    check: ({ asset, to, at, sanitisation }) =>
      needsSanitisation.violatedBy({ ...asset, lifecycleStage: to, sanitisation: sanitisation ?? asset.sanitisation }, at)
        ? {
            ruleId: 'dispose-requires-sanitisation',
            message: `The asset held ${asset.dataClassification} data: record its sanitisation before disposal`,
          }
        : undefined,
  },
  {
    id: 'sanitisation-not-in-future',
    description: 'A sanitisation record cannot be dated after the transition.',
    check: ({ asset, sanitisation, at }) =>
      sanitisation && sanitisationDated.violatedBy({ ...asset, sanitisation }, at)
        ? {
            ruleId: 'sanitisation-not-in-future',
            message: `The sanitisation is dated ${sanitisation.date}, after the transition`,
          }
        : undefined,
  },
];

/**
 * Every rule that refuses the transition described by `ctx` (empty when it is allowed).
 *
 * @public
 */
export function checkTransition(ctx: TransitionContext): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const rule of LIFECYCLE_RULES) {
    const violation = rule.check(ctx);
    if (violation) violations.push(violation);
    // Once the move itself is impossible, the other guards have nothing useful to add.
    if (violation && ['disposed-is-final', 'same-stage', 'transition-not-allowed'].includes(rule.id)) {
      break;
    }
  }
  return violations;
}
