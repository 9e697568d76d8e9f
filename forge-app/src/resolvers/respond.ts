import { ItamApiError } from '@itam/common';
import { ItamForgeError } from '../common/errors';
import { messages } from '../common/messages';
import type { ResolverResult } from '../common/types';

/** Runs a resolver's work and answers with its data, or with an error the UI can explain. */
export async function respond<T>(work: () => Promise<T>): Promise<ResolverResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (e) {
    return { ok: false, error: toResolverError(e) };
  }
}

/**
 * Maps a failure to a code and a message for the user. Backend errors are logged by status and
 * error name only: no headers, bodies or tokens reach the logs.
 */
export function toResolverError(e: unknown): { code: ItamForgeError['code']; message: string } {
  if (e instanceof ItamForgeError) return { code: e.code, message: e.message };
  if (e instanceof ItamApiError) {
    if (e.status === 401) return { code: 'backend-unauthorized', message: messages.backendUnauthorized };
    if (e.status === 403) return { code: 'forbidden', message: messages.backendForbidden };
    if (e.status === 404) return { code: 'not-found', message: e.message };
    if (e.status === 400 || e.status === 409 || e.status === 422) {
      return { code: 'invalid-input', message: e.message };
    }
    console.error(`ITAM backend answered ${e.status} ${e.errorName ?? ''}`.trim());
    return { code: 'backend-error', message: messages.backendError };
  }
  console.error(`ITAM app failure: ${e instanceof Error ? e.name : typeof e}`);
  return { code: 'backend-error', message: messages.unexpected };
}
