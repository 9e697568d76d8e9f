import { TRACKED_ASSET_FIELDS } from '../asset/fields';
import type { Asset } from '../asset/types';
import { deepEqual } from '../util/deepEqual';
import type { HistoryEvent } from './events';

/**
 * Thrown when a history cannot be replayed: it is out of order, has a gap, or a change's `before`
 * does not match the state the previous events produced (the trail was tampered with or lost an
 * event).
 *
 * @public
 */
export class HistoryIntegrityError extends Error {
  override readonly name = 'HistoryIntegrityError';
}

const TRACKED = new Set<string>(TRACKED_ASSET_FIELDS);

/**
 * Rebuilds an asset from its history alone. Every event is checked against the state before it,
 * so a replay that succeeds proves the trail is complete and consistent.
 *
 * @throws {@link HistoryIntegrityError} when the events do not form a consistent trail.
 * @public
 */
export function replayHistory(events: readonly HistoryEvent[]): Asset {
  if (events.length === 0) throw new HistoryIntegrityError('No events to replay');
  const [first] = events;
  if (first.kind !== 'created' || first.version !== 1) {
    throw new HistoryIntegrityError('A history starts with a created event at version 1');
  }
  const state: Record<string, unknown> = {};
  events.forEach((event, index) => {
    if (event.assetId !== first.assetId) {
      throw new HistoryIntegrityError(`Event ${index} belongs to asset ${event.assetId}`);
    }
    if (event.version !== index + 1) {
      throw new HistoryIntegrityError(
        `Event ${index} has version ${event.version}, expected ${index + 1}`,
      );
    }
    if (index > 0 && event.kind === 'created') {
      throw new HistoryIntegrityError(`Event ${index} creates the asset again`);
    }
    for (const change of event.changes) {
      if (!TRACKED.has(change.field)) {
        throw new HistoryIntegrityError(`Event ${index} changes unknown field ${change.field}`);
      }
      if (!deepEqual(state[change.field], change.before)) {
        throw new HistoryIntegrityError(
          `Event ${index} expected ${change.field} to be ${JSON.stringify(change.before)}, found ${JSON.stringify(state[change.field])}`,
        );
      }
      if (change.after === undefined) delete state[change.field];
      else state[change.field] = change.after;
    }
    if (event.transition && state.lifecycleStage !== event.transition.to) {
      throw new HistoryIntegrityError(`Event ${index} is a transition that did not change the stage`);
    }
  });
  const last = events[events.length - 1];
  return {
    ...(state as Omit<Asset, 'id' | 'version' | 'createdAt' | 'updatedAt'>),
    id: first.assetId,
    version: last.version,
    createdAt: first.at,
    updatedAt: last.at,
  };
}
