import { useCallback, useEffect, useState } from 'react';
import { messages } from '../../common/messages';
import type { ResolverResult } from '../../common/types';

export type ResolverError = Extract<ResolverResult<unknown>, { ok: false }>['error'];

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ResolverError }
  | { status: 'ready'; data: T };

/** The error shown when the bridge itself fails (the resolver never answered). */
export const unexpectedError: ResolverError = { code: 'backend-error', message: messages.unexpected };

/**
 * Loads data from a resolver once and keeps its state; `apply` replaces it with a later answer
 * (e.g. the refreshed panel a link or unlink returns), `reload` asks again. `load` must be a
 * stable function.
 */
export function useResolver<T>(load: () => Promise<ResolverResult<T>>) {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const apply = useCallback((result: ResolverResult<T>) => {
    setState(result.ok ? { status: 'ready', data: result.data } : { status: 'error', error: result.error });
  }, []);
  useEffect(() => {
    let live = true;
    load().then(
      result => live && apply(result),
      () => live && setState({ status: 'error', error: unexpectedError }),
    );
    return () => {
      live = false;
    };
  }, [load, apply]);
  const reload = useCallback(async () => {
    try {
      apply(await load());
    } catch {
      setState({ status: 'error', error: unexpectedError });
    }
  }, [load, apply]);
  return { state, apply, reload };
}

/**
 * Runs one user action at a time against a resolver: `busy` while it runs (buttons disable), the
 * resolver's error (or the bridge's failure) in `error`, and `onOk` with the answer when it
 * succeeds. Starting an action clears the previous error.
 */
export function useResolverAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverError>();
  const run = useCallback(
    async <T,>(work: () => Promise<ResolverResult<T>>, onOk: (data: T) => unknown | Promise<unknown>) => {
      setBusy(true);
      setError(undefined);
      try {
        const result = await work();
        if (result.ok) await onOk(result.data);
        else setError(result.error);
      } catch {
        setError(unexpectedError);
      } finally {
        setBusy(false);
      }
    },
    [],
  );
  return { busy, error, run };
}
