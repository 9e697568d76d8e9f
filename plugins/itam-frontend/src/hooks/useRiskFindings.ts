import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itamApiRef } from '../api';

/** The latest risk findings over the whole estate, and when they were computed. */
export function useRiskFindings() {
  const api = useApi(itamApiRef);
  const { value, loading, error, retry } = useAsyncRetry(() => api.getRiskFindings(), [api]);
  return { report: value, loading, error, retry };
}
