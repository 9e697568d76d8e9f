import type { JiraIssueAsset } from '@itam/common';
import type { AssetPropertyValue } from '../jira-client/types';

const SERVICE_KINDS = new Set(['component', 'system']);

const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * The issue property value for the assets linked to an issue, what JQL searches: their tags and
 * count, their owners, the services and systems they serve, and the highest criticality (the
 * lowest tier number).
 */
export function assetPropertyValue(items: readonly JiraIssueAsset[]): AssetPropertyValue {
  const tags = sortedUnique(items.map(i => i.asset.tag));
  const owners = sortedUnique(items.flatMap(i => (i.asset.owner ? [i.asset.owner] : [])));
  const services = sortedUnique(
    items.flatMap(i => i.entities.map(e => e.entityRef).filter(ref => SERVICE_KINDS.has(ref.split(':')[0]))),
  );
  const tiers = items.map(i => i.asset.criticality);
  return {
    tags,
    count: tags.length,
    owners,
    services,
    ...(tiers.length > 0 ? { highestCriticality: Math.min(...tiers) } : {}),
  };
}

const sameList = (a: unknown, b: readonly string[]) =>
  Array.isArray(a) && a.length === b.length && a.every((v, i) => v === b[i]);

/** Whether the stored property already says what `wanted` says (absent equals no assets). */
export function assetPropertyUpToDate(
  current: Partial<AssetPropertyValue> | undefined,
  wanted: AssetPropertyValue,
): boolean {
  if (!current) return wanted.count === 0;
  return (
    current.count === wanted.count &&
    sameList(current.tags, wanted.tags) &&
    sameList(current.owners ?? [], wanted.owners) &&
    sameList(current.services ?? [], wanted.services) &&
    current.highestCriticality === wanted.highestCriticality
  );
}

/**
 * What to do with the property: write it, leave it, or refuse to clear it. An empty answer from
 * the register empties a non-empty property only when the app itself just removed the links
 * (`mayClear`): otherwise an empty answer may be a register that lost track of the issue, and
 * clearing would make the issue vanish from JQL.
 */
export function assetPropertyAction(
  current: Partial<AssetPropertyValue> | undefined,
  wanted: AssetPropertyValue,
  mayClear: boolean,
): 'write' | 'keep' | 'refuse-clear' {
  if (assetPropertyUpToDate(current, wanted)) return 'keep';
  if (wanted.count === 0 && (current?.count ?? 0) > 0 && !mayClear) return 'refuse-clear';
  return 'write';
}
