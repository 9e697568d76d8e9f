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
