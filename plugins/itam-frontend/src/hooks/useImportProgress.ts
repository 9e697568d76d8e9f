import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { ImportJob } from '@itam/common';
import { itamApiRef } from '../api';

/** How often the progress of a running import is asked for. */
export const IMPORT_POLL_INTERVAL_MS = 1000;

/** The upload being followed: the id the page gave its job. */
export interface FollowedImport {
  jobId: string;
}

/**
 * The live progress of the import this page is uploading: while `followed` is set, asks for its
 * job at once and then every second (the upload's own answer arrives only when the job has
 * finished). Until the backend has registered the job the answer is a 404, and the progress is
 * undefined ("uploading"). Polling stops as soon as `followed` is unset.
 */
export function useImportProgress(followed: FollowedImport | undefined): ImportJob | undefined {
  const api = useApi(itamApiRef);
  const [job, setJob] = useState<ImportJob>();
  const jobId = followed?.jobId;

  useEffect(() => {
    setJob(undefined);
    if (jobId === undefined) return undefined;
    let stopped = false;
    const poll = async () => {
      try {
        const current = await api.getImport(jobId);
        if (!stopped) setJob(current);
      } catch {
        // Not registered yet, or a hiccup: progress is a courtesy, the upload's own answer says
        // whether the import worked.
      }
    };
    poll();
    const timer = setInterval(poll, IMPORT_POLL_INTERVAL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, jobId]);

  return followed ? job : undefined;
}
