import type { LifecycleStage } from '../asset/constants';
import type { AssetChange } from '../asset/operations';
import type { Asset, SanitisationRecord } from '../asset/types';
import { ItamRuleViolationError, type RuleViolation } from '../errors';
import { diffAssets } from '../history/diff';
import { checkTransition } from './rules';
import { LIFECYCLE_TRANSITIONS } from './transitions';

/**
 * A request to move an asset to another lifecycle stage.
 *
 * @public
 */
export interface TransitionRequest {
  asset: Asset;
  to: LifecycleStage;
  actor: string;
  at: string;
  reason?: string;
  /** Recorded on the asset with the transition (e.g. the wipe certificate with a disposal). */
  sanitisation?: SanitisationRecord;
}

/**
 * Moves an asset to another stage if every lifecycle rule allows it, returning the new asset
 * (version + 1) and the `transitioned` history event with actor, time, from, to and reason.
 *
 * @throws {@link ItamRuleViolationError} naming every rule that refused.
 * @public
 */
export function transitionAsset(request: TransitionRequest): AssetChange {
  const { asset, to, actor, at, sanitisation } = request;
  const reason = request.reason?.trim() || undefined;
  const violations = checkTransition({ asset, to, at, reason, sanitisation });
  if (violations.length > 0) throw new ItamRuleViolationError(violations);
  const next: Asset = {
    ...asset,
    lifecycleStage: to,
    ...(sanitisation ? { sanitisation } : {}),
    version: asset.version + 1,
    updatedAt: at,
  };
  return {
    asset: next,
    event: {
      assetId: asset.id,
      version: next.version,
      kind: 'transitioned',
      actor,
      at,
      changes: diffAssets(asset, next),
      transition: { from: asset.lifecycleStage, to },
      ...(reason ? { reason } : {}),
    },
  };
}

/**
 * One possible next stage and, when a rule blocks it now, why.
 *
 * @public
 */
export interface TransitionOption {
  to: LifecycleStage;
  allowed: boolean;
  violations: RuleViolation[];
}

/**
 * The stages the graph offers from the asset's current stage, each judged by the rules as if
 * requested now with the given reason (so a UI can show actions and explain refusals).
 *
 * @public
 */
export function transitionOptions(
  asset: Asset,
  at: string,
  options: { reason?: string } = {},
): TransitionOption[] {
  return LIFECYCLE_TRANSITIONS[asset.lifecycleStage].map(to => {
    const violations = checkTransition({ asset, to, at, reason: options.reason });
    return { to, allowed: violations.length === 0, violations };
  });
}
