import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itamApiRef } from '../api';

// Each of these reloads when `version` changes, so after a write the page reloads the asset and
// its transitions, history and links follow.

/** The lifecycle stages the asset can move to now, each with the rules that block it. */
export function useTransitionOptions(assetId: string, version: number | undefined) {
  const api = useApi(itamApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    async () => (version === undefined ? undefined : api.getTransitionOptions(assetId)),
    [api, assetId, version],
  );
  return { options: value, loading: loading || version === undefined, error, retry };
}

/** The asset's audit trail, newest first. */
export function useAssetHistory(assetId: string, version: number | undefined) {
  const api = useApi(itamApiRef);
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    if (version === undefined) return undefined;
    const events = await api.getAssetHistory(assetId);
    return [...events].sort((a, b) => b.version - a.version);
  }, [api, assetId, version]);
  return { events: value, loading: loading || version === undefined, error, retry };
}

/** The catalogue entities the asset is linked to. */
export function useAssetEntityLinks(assetId: string, version: number | undefined) {
  const api = useApi(itamApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    async () => (version === undefined ? undefined : api.getEntityLinks(assetId)),
    [api, assetId, version],
  );
  return { links: value, loading: loading || version === undefined, error, retry };
}

/** The Jira tickets (incidents, changes, problems, requests) linked to the asset. */
export function useAssetTickets(assetId: string, version: number | undefined) {
  const api = useApi(itamApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    async () => (version === undefined ? undefined : api.getAssetTickets(assetId)),
    [api, assetId, version],
  );
  return { tickets: value, loading: loading || version === undefined, error, retry };
}
