import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { AssetLicences, EntityAsset, ItamApi, RiskFinding } from '@itam/common';
import { itamApiRef } from '../api';

/** What the entity views add to each linked asset: its software's licences and its findings. */
export interface AssetInsight {
  /** The asset's licence status and the managed products behind it, worst first. */
  licences: Pick<AssetLicences, 'status' | 'products'>;
  /** Risk findings about the asset, most severe first. */
  findings: RiskFinding[];
}

/** Asset ids per findings request (the most `GET /risks` takes). */
const ASSETS_PER_REQUEST = 200;
/** Findings requests in flight at once: an entity with 3,000 assets needs 15. */
const REQUESTS_AT_ONCE = 4;

/** The findings about some assets, by asset, each asset's most severe first, following every page. */
async function findingsOf(api: Pick<ItamApi, 'getRiskFindings'>, ids: readonly string[]): Promise<Map<string, RiskFinding[]>> {
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += ASSETS_PER_REQUEST) batches.push(ids.slice(i, i + ASSETS_PER_REQUEST));
  const byAsset = new Map<string, RiskFinding[]>();
  const readBatch = async (assetId: string[]) => {
    let cursor: string | undefined;
    do {
      const page = await api.getRiskFindings({ assetId, limit: 500, cursor });
      // Pages come most severe first, and an asset's findings are all in its own batch.
      for (const finding of page.items) {
        if (finding.assetId === undefined) continue;
        const list = byAsset.get(finding.assetId);
        if (list) list.push(finding);
        else byAsset.set(finding.assetId, [finding]);
      }
      cursor = page.nextCursor;
    } while (cursor);
  };
  // Batches read a few at a time (one after another, 15 batches took a second at a million assets).
  let next = 0;
  const worker = async () => {
    while (next < batches.length) await readBatch(batches[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(REQUESTS_AT_ONCE, batches.length) }, worker));
  return byAsset;
}

/** An asset the backend did not answer for (removed meanwhile): nothing to show. */
const NO_LICENCES: AssetInsight['licences'] = { status: 'none', products: [] };

/**
 * Licence status and risk findings of an entity's assets, both worked out by the backend: the
 * licence status came with the list, the findings are read for these assets only. Nothing is
 * fetched for no assets.
 */
export function useAssetInsights(items: readonly EntityAsset[] | undefined) {
  const api = useApi(itamApiRef);
  const key = items?.map(i => i.asset.id).join('\n');
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const ids = [...new Set((items ?? []).map(i => i.asset.id))];
    const insights = new Map<string, AssetInsight>();
    if (ids.length === 0) return insights;
    const licencesOf = new Map((items ?? []).map(i => [i.asset.id, i.licences]));
    const findings = await findingsOf(api, ids);
    ids.forEach(assetId => {
      insights.set(assetId, { licences: licencesOf.get(assetId) ?? NO_LICENCES, findings: findings.get(assetId) ?? [] });
    });
    return insights;
    // `key` stands for `items`' assets, which may come in a new array with the same ids.
  }, [api, key]);
  return { insights: value, loading, error, retry };
}
