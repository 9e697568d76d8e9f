import { TRACKED_ASSET_FIELDS } from '../asset/fields';
import type { Asset } from '../asset/types';
import { deepEqual } from '../util/deepEqual';
import type { FieldChange } from './events';

/**
 * The tracked fields that differ between two versions of an asset, with before and after values.
 * Passing `undefined` as `before` describes a creation (every set field is a change).
 *
 * @public
 */
export function diffAssets(before: Partial<Asset> | undefined, after: Partial<Asset>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of TRACKED_ASSET_FIELDS) {
    const b = before?.[field];
    const a = after[field];
    if (!deepEqual(b, a)) {
      const change: FieldChange = { field };
      if (b !== undefined) change.before = b;
      if (a !== undefined) change.after = a;
      changes.push(change);
    }
  }
  return changes;
}
