import { useApi } from '@backstage/core-plugin-api';
import type { DateWindow } from '@itam/common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itamApiRef } from '../api';

/** The KPI report of one window, with `retry` to load it again. */
export function useKpiReport(kpiWindow: DateWindow) {
  const api = useApi(itamApiRef);
  const { from, to } = kpiWindow;
  const { value, loading, error, retry } = useAsyncRetry(() => api.getKpis({ from, to }), [api, from, to]);
  return { report: value, loading, error, retry };
}

/**
 * The KPI reports of several windows (e.g. calendar months), in the order given, fetched in
 * parallel. One failure fails the whole trend: a chart with a silent gap would mislead.
 */
export function useKpiTrend(windows: readonly DateWindow[]) {
  const api = useApi(itamApiRef);
  // The windows as a value, so a new array with the same months does not refetch.
  const key = windows.map(w => `${w.from}/${w.to}`).join(',');
  const { value, loading, error, retry } = useAsyncRetry(
    () => Promise.all(windows.map(w => api.getKpis({ from: w.from, to: w.to }))),
    [api, key],
  );
  return { reports: value, loading, error, retry };
}

/** The ITAM maturity level the register's evidence supports, with what the next level needs. */
export function useMaturity() {
  const api = useApi(itamApiRef);
  const { value, loading, error, retry } = useAsyncRetry(() => api.getMaturity(), [api]);
  return { maturity: value, loading, error, retry };
}
