import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itamApiRef } from '../api';

/** One asset by id or tag, with `retry` to reload it (its value stays while reloading). */
export function useAsset(assetId: string) {
  const api = useApi(itamApiRef);
  const { value, loading, error, retry } = useAsyncRetry(() => api.getAsset(assetId), [
    api,
    assetId,
  ]);
  return { asset: value, loading, error, retry };
}
