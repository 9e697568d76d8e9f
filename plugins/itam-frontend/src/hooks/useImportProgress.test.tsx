import type { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { itamApiRef } from '../api';
import { apiError, fakeItamApi } from '../testing/fakeItamApi';
import { aRunningImportJob } from '../testing/importAuditFixtures';
import { IMPORT_POLL_INTERVAL_MS, useImportProgress, type FollowedImport } from './useImportProgress';

describe('useImportProgress', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('polls its job every second while an upload is followed, and stops when it is not', async () => {
    const ours = aRunningImportJob({ id: 'ours', format: 'itam-csv', dryRun: true });
    const api = fakeItamApi({
      getImport: async id => (id === 'ours' ? ours : aRunningImportJob({ id })),
    });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[itamApiRef, api]]}>{children}</TestApiProvider>
    );
    const { result, rerender } = renderHook(
      (props: { followed?: FollowedImport }) => useImportProgress(props.followed),
      { wrapper, initialProps: {} },
    );
    await act(async () => {
      await jest.advanceTimersByTimeAsync(3 * IMPORT_POLL_INTERVAL_MS);
    });
    expect(api.getImport).not.toHaveBeenCalled();
    expect(result.current).toBeUndefined();

    rerender({ followed: { jobId: 'ours' } });
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    expect(api.getImport).toHaveBeenCalledTimes(1);
    // The job the page named, never another user's import.
    expect(api.getImport).toHaveBeenCalledWith('ours');
    expect(result.current?.id).toBe('ours');

    await act(async () => {
      await jest.advanceTimersByTimeAsync(2 * IMPORT_POLL_INTERVAL_MS);
    });
    expect(api.getImport).toHaveBeenCalledTimes(3);

    rerender({});
    expect(result.current).toBeUndefined();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(5 * IMPORT_POLL_INTERVAL_MS);
    });
    expect(api.getImport).toHaveBeenCalledTimes(3);
  });

  it('keeps following while the job is not registered yet (404) or a poll fails', async () => {
    const api = fakeItamApi({
      getImport: jest
        .fn()
        .mockRejectedValueOnce(apiError(404, 'No import job j1'))
        .mockRejectedValueOnce(new Error('network blip'))
        .mockResolvedValue(aRunningImportJob()),
    });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[itamApiRef, api]]}>{children}</TestApiProvider>
    );
    const { result } = renderHook(() => useImportProgress({ jobId: 'j1' }), { wrapper });
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    expect(result.current).toBeUndefined();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(IMPORT_POLL_INTERVAL_MS);
    });
    expect(result.current).toBeUndefined();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(IMPORT_POLL_INTERVAL_MS);
    });
    expect(result.current?.progress.rowsDone).toBe(120);
  });
});
