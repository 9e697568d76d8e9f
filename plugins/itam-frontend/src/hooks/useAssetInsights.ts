import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { compareRiskFindings, type RiskFinding } from '@itam/common';
import { itamApiRef } from '../api';
import { installedProductLicences, type InstalledProductLicence } from '../utils/licences';

/** What the entity views add to each linked asset: its software's licences and its findings. */
export interface AssetInsight {
  /** Managed products installed on the asset, worst licence status first. */
  licences: InstalledProductLicence[];
  /** Risk findings about the asset, most severe first. */
  findings: RiskFinding[];
}

/**
 * Licence status and risk findings of some assets: the licence positions and the findings are
 * fetched once, the installations of each asset in parallel. Nothing is fetched for no assets.
 */
export function useAssetInsights(assetIds: readonly string[] | undefined) {
  const api = useApi(itamApiRef);
  const key = assetIds?.join('\n');
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const ids = [...new Set(assetIds ?? [])];
    const insights = new Map<string, AssetInsight>();
    if (ids.length === 0) return insights;
    const [positions, findings, ...installations] = await Promise.all([
      api.getLicencePositions(),
      api.getRiskFindings(),
      ...ids.map(assetId => api.listInstallations({ assetId })),
    ]);
    const sorted = [...findings.items].sort(compareRiskFindings);
    ids.forEach((assetId, i) => {
      insights.set(assetId, {
        licences: installedProductLicences(installations[i], positions.products),
        findings: sorted.filter(f => f.assetId === assetId),
      });
    });
    return insights;
    // `key` stands for `assetIds`, which may be a new array with the same ids.
  }, [api, key]);
  return { insights: value, loading, error, retry };
}
