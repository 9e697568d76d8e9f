import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itamApiRef } from '../api';

/**
 * The assets linked to a catalogue entity (by its full ref), with the link's role and each
 * asset's licence status, as the backend works it out (one request a page).
 */
export function useEntityAssets(entityRef: string) {
  const api = useApi(itamApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getEntityAssets(entityRef, { withLicences: true }),
    [api, entityRef],
  );
  return { items: value, loading, error, retry };
}
