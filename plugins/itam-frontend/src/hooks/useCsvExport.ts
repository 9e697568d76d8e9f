import { useCallback, useState } from 'react';
import { discoveryApiRef, fetchApiRef, useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { ITAM_PLUGIN_ID, type AssetListQuery } from '@itam/common';
import useAsync from 'react-use/esm/useAsync';

/** The file name the export is saved under. */
export const CSV_EXPORT_FILE_NAME = 'itam-assets.csv';

function toQueryString(query: AssetListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * The CSV export of the register (`/assets/export.csv` on the backend, with the register's
 * current filters as query parameters): its URL, for a plain link, and `download`, which fetches
 * it through `fetchApi` (so the user's token goes along, which a plain link cannot do) and saves
 * the file.
 */
export function useCsvExport(filters: AssetListQuery) {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const [state, setState] = useState<{ downloading: boolean; error?: Error }>({
    downloading: false,
  });
  const { value: baseUrl } = useAsync(() => discoveryApi.getBaseUrl(ITAM_PLUGIN_ID), [
    discoveryApi,
  ]);
  const href = baseUrl && `${baseUrl}/assets/export.csv${toQueryString(filters)}`;

  const download = useCallback(async () => {
    if (!href) return;
    setState({ downloading: true });
    try {
      const response = await fetchApi.fetch(href, { headers: { accept: 'text/csv' } });
      if (!response.ok) throw await ResponseError.fromResponse(response);
      const url = URL.createObjectURL(await response.blob());
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = CSV_EXPORT_FILE_NAME;
      document.body.appendChild(anchor);
      anchor.click();
      anchor.remove();
      URL.revokeObjectURL(url);
      setState({ downloading: false });
    } catch (e) {
      setState({ downloading: false, error: e as Error });
    }
  }, [fetchApi, href]);

  return { href, download, ...state };
}
