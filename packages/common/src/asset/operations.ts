import { ItamRuleViolationError } from '../errors';
import type { HistoryEvent } from '../history/events';
import { checkStageRequirements } from '../lifecycle/stageRequirements';
import { diffAssets } from '../history/diff';
import type { Asset, AssetPatch, NewAsset } from './types';

/**
 * A change to an asset together with the history event that records it.
 *
 * @public
 */
export interface AssetChange {
  asset: Asset;
  event: HistoryEvent;
}

/**
 * Builds a new asset (version 1) from validated input, with its `created` history event.
 * Identity and time are arguments so the function stays pure.
 *
 * @throws {@link ItamRuleViolationError} when the asset fails what its stage requires
 *   ({@link checkStageRequirements}), e.g. created `deployed` without an owner.
 * @public
 */
export function createAsset(input: {
  id: string;
  data: NewAsset;
  actor: string;
  at: string;
}): AssetChange {
  // One pass, in the input's key order then the register's bookkeeping, dropping undefined
  // values so stored and replayed assets compare equal. Imports create a million assets through
  // here: spreading the input and filtering its entries cost five times as much.
  const data = input.data as unknown as Record<string, unknown>;
  const asset: Record<string, unknown> = {};
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (value !== undefined) asset[key] = value;
  }
  asset.id = input.id;
  asset.version = 1;
  asset.createdAt = input.at;
  asset.updatedAt = input.at;
  const violations = checkStageRequirements(asset as unknown as Asset, { at: input.at });
  if (violations.length > 0) throw new ItamRuleViolationError(violations);
  return {
    asset: asset as unknown as Asset,
    event: {
      assetId: input.id,
      version: 1,
      kind: 'created',
      actor: input.actor,
      at: input.at,
      changes: diffAssets(undefined, asset as Partial<Asset>),
    },
  };
}

/**
 * Applies a validated patch (`null` clears a field). Returns `undefined` when the patch changes
 * nothing, so no empty version or history entry is written.
 *
 * @throws {@link ItamRuleViolationError} when the patch breaks what the asset's stage requires
 *   ({@link checkStageRequirements}), e.g. clears the owner of a deployed asset.
 * @public
 */
export function updateAsset(input: {
  asset: Asset;
  patch: AssetPatch;
  actor: string;
  at: string;
  reason?: string;
}): AssetChange | undefined {
  const next: Record<string, unknown> = { ...input.asset };
  for (const [field, value] of Object.entries(input.patch)) {
    if (value === undefined) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  const changes = diffAssets(input.asset, next as Asset);
  if (changes.length === 0) return undefined;
  const violations = checkStageRequirements(next as Asset, { at: input.at, before: input.asset });
  if (violations.length > 0) throw new ItamRuleViolationError(violations);
  const asset = { ...(next as Asset), version: input.asset.version + 1, updatedAt: input.at };
  return {
    asset,
    event: {
      assetId: asset.id,
      version: asset.version,
      kind: 'updated',
      actor: input.actor,
      at: input.at,
      changes,
      ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}),
    },
  };
}
