import { isError } from '@backstage/errors';
import type { Response } from 'express';

/**
 * Runs `read`; if it answers "not yet" (a `ServiceUnavailableError`, 503), the response tells the
 * client when to ask again (`Retry-After`, in seconds) before the error handler writes the body.
 */
export async function withRetryAfter<T>(res: Pick<Response, 'setHeader'>, seconds: number, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isError(error) && error.name === 'ServiceUnavailableError') res.setHeader('Retry-After', String(seconds));
    throw error;
  }
}
