import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { MAX_ASSET_IDS_PER_LIST } from '@itam/common';
import { itamApiRef } from '../api';

/** Every product's licence position (without the per-consumer explanations). */
export function useLicencePositions() {
  const api = useApi(itamApiRef);
  const { value, loading, error, retry } = useAsyncRetry(() => api.getLicencePositions(), [api]);
  return { report: value, loading, error, retry };
}

/** One product's licence position with its full explanation. */
export function useLicencePosition(productId: string) {
  const api = useApi(itamApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getLicencePosition(productId),
    [api, productId],
  );
  return { position: value, loading, error, retry };
}

/** The entitlements (rights bought) of one product. */
export function useProductEntitlements(productId: string) {
  const api = useApi(itamApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.listEntitlements({ productId }),
    [api, productId],
  );
  return { items: value, loading, error, retry };
}

/** The installations recognised as one product. */
export function useProductInstallations(productId: string) {
  const api = useApi(itamApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.listInstallations({ productId }),
    [api, productId],
  );
  return { items: value, loading, error, retry };
}

/**
 * At most this many assets are looked up by id to show their tags (ten requests of
 * {@link MAX_ASSET_IDS_PER_LIST}); beyond it the page shows ids.
 */
export const MAX_TAG_LOOKUPS = 1000;

/** Tag lookups in flight at once: a browser opens about six connections per host. */
const LOOKUPS_AT_ONCE = 4;

/**
 * Asset tags by asset id, for pages that get only ids (installations, licence consumers): the
 * distinct ids, in the order given, a hundred per register request. An id that cannot be looked up
 * (deleted, not allowed) is left out, so the page falls back to showing the id.
 */
export function useAssetTags(assetIds: readonly string[]): ReadonlyMap<string, string> {
  const api = useApi(itamApiRef);
  const ids = [...new Set(assetIds)].slice(0, MAX_TAG_LOOKUPS);
  const key = ids.join('\n');
  const { value } = useAsync(async () => {
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += MAX_ASSET_IDS_PER_LIST) chunks.push(ids.slice(i, i + MAX_ASSET_IDS_PER_LIST));
    const tags = new Map<string, string>();
    let next = 0;
    const worker = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++];
        // A failed lookup only costs the tags: the ids still show.
        const page = await api.listAssets({ id: chunk, limit: chunk.length }).catch(() => undefined);
        for (const asset of page?.items ?? []) tags.set(asset.id, asset.tag);
      }
    };
    await Promise.all(Array.from({ length: Math.min(LOOKUPS_AT_ONCE, chunks.length) }, worker));
    return tags;
    // `key` stands for `ids`, which is a new array on every render.
  }, [api, key]);
  return value ?? EMPTY;
}

const EMPTY: ReadonlyMap<string, string> = new Map();
