import type { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { itamApiRef } from '../api';
import { fakeItamApi } from '../testing/fakeItamApi';
import { aRunningImportJob } from '../testing/importAuditFixtures';
import { IMPORT_POLL_INTERVAL_MS, useImportProgress, type FollowedImport } from './useImportProgress';

describe('useImportProgress', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('polls the jobs every second while an upload is followed, and stops when it is not', async () => {
    const ours = aRunningImportJob({ id: 'ours', format: 'itam-csv', dryRun: true });
    const api = fakeItamApi({
      listImports: async () => [aRunningImportJob({ id: 'theirs', format: 'itam-csv', dryRun: false }), ours],
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
    expect(api.listImports).not.toHaveBeenCalled();
    expect(result.current).toBeUndefined();

    rerender({ followed: { format: 'itam-csv', dryRun: true } });
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    expect(api.listImports).toHaveBeenCalledTimes(1);
    // The running job of the same format and kind, not another user's real import.
    expect(result.current?.id).toBe('ours');

    await act(async () => {
      await jest.advanceTimersByTimeAsync(2 * IMPORT_POLL_INTERVAL_MS);
    });
    expect(api.listImports).toHaveBeenCalledTimes(3);

    rerender({});
    expect(result.current).toBeUndefined();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(5 * IMPORT_POLL_INTERVAL_MS);
    });
    expect(api.listImports).toHaveBeenCalledTimes(3);
  });

  it('keeps following when one poll fails', async () => {
    const api = fakeItamApi({
      listImports: jest
        .fn()
        .mockRejectedValueOnce(new Error('network blip'))
        .mockResolvedValue([aRunningImportJob()]),
    });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[itamApiRef, api]]}>{children}</TestApiProvider>
    );
    const { result } = renderHook(() => useImportProgress({ format: 'itam-csv', dryRun: false }), { wrapper });
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    expect(result.current).toBeUndefined();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(IMPORT_POLL_INTERVAL_MS);
    });
    expect(result.current?.progress.rowsDone).toBe(120);
  });
});
