import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
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
 * At most this many assets are looked up by id to show their tags: beyond it the page shows ids
 * rather than sending hundreds of requests.
 */
export const MAX_TAG_LOOKUPS = 50;

/**
 * Asset tags by asset id, for pages that get only ids (installations, licence consumers). Each
 * distinct id is looked up once; an id that cannot be looked up (deleted, not allowed) is left
 * out, so the page falls back to showing the id.
 */
export function useAssetTags(assetIds: readonly string[]): ReadonlyMap<string, string> {
  const api = useApi(itamApiRef);
  const ids = [...new Set(assetIds)].sort().slice(0, MAX_TAG_LOOKUPS);
  const key = ids.join('\n');
  const { value } = useAsync(async () => {
    const found = await Promise.all(
      ids.map(id =>
        api.getAsset(id).then(
          a => [id, a.tag] as const,
          () => undefined,
        ),
      ),
    );
    return new Map(found.filter((f): f is readonly [string, string] => f !== undefined));
    // `key` stands for `ids`, which is a new array on every render.
  }, [api, key]);
  return value ?? EMPTY;
}

const EMPTY: ReadonlyMap<string, string> = new Map();
