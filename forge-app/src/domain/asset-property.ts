import type { AssetPropertyValue } from '../jira-client/types';

/** The issue property value for a set of linked asset tags: sorted, without duplicates. */
export function assetPropertyValue(tags: readonly string[]): AssetPropertyValue {
  const unique = [...new Set(tags)].sort();
  return { tags: unique, count: unique.length };
}

/** Whether the stored property already says what `wanted` says (absent equals no assets). */
export function assetPropertyUpToDate(
  current: AssetPropertyValue | undefined,
  wanted: AssetPropertyValue,
): boolean {
  if (!current) return wanted.count === 0;
  return (
    current.count === wanted.count &&
    Array.isArray(current.tags) &&
    current.tags.length === wanted.tags.length &&
    current.tags.every((tag, i) => tag === wanted.tags[i])
  );
}
