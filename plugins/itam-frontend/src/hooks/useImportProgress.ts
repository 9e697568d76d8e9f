import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { ImportFormat, ImportJob } from '@itam/common';
import { itamApiRef } from '../api';

/** How often the progress of a running import is asked for. */
export const IMPORT_POLL_INTERVAL_MS = 1000;

/** The upload being followed: its format and whether it is a dry run. */
export interface FollowedImport {
  format: ImportFormat;
  dryRun: boolean;
}

/**
 * The live progress of the import this page is uploading: while `followed` is set, asks for the
 * recent jobs at once and then every second, and returns the newest running job of the same
 * format and kind (the upload's own answer arrives only when the job has finished, so polling
 * the job list is the only way to see it advance). Polling stops as soon as `followed` is unset.
 */
export function useImportProgress(followed: FollowedImport | undefined): ImportJob | undefined {
  const api = useApi(itamApiRef);
  const [job, setJob] = useState<ImportJob>();
  const format = followed?.format;
  const dryRun = followed?.dryRun;

  useEffect(() => {
    setJob(undefined);
    if (format === undefined) return undefined;
    let stopped = false;
    const poll = async () => {
      try {
        const jobs = await api.listImports();
        // Newest first: another user's job of the same kind could only be mistaken for ours
        // when both started within the same second.
        const running = jobs.find(j => j.status === 'running' && j.format === format && j.dryRun === dryRun);
        if (!stopped) setJob(running);
      } catch {
        // Progress is a courtesy; the upload's own answer says whether the import worked.
      }
    };
    poll();
    const timer = setInterval(poll, IMPORT_POLL_INTERVAL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, format, dryRun]);

  return followed ? job : undefined;
}
