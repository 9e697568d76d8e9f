import type { AssetInsight } from '../hooks/useAssetInsights';

/**
 * What needs attention among some assets' insights, as phrases: e.g. `2 open risk findings`,
 * `1 running under-licensed software`; none when all is well or the insights are not loaded.
 * An asset listed twice (linked in two roles) counts once.
 */
export function insightAttention(
  insights: ReadonlyMap<string, AssetInsight> | undefined,
  assetIds: readonly string[],
): string[] {
  if (!insights) return [];
  const assets = [...new Set(assetIds)].map(id => insights.get(id));
  const findings = assets.reduce((n, a) => n + (a?.findings.length ?? 0), 0);
  const short = assets.filter(a => a && a.licences.status === 'under-licensed').length;
  const parts: string[] = [];
  if (findings > 0) parts.push(`${findings} open risk ${findings === 1 ? 'finding' : 'findings'}`);
  if (short > 0) parts.push(`${short} running under-licensed software`);
  return parts;
}
