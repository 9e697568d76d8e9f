import type { ErrorCode } from './types';

/** An expected failure with a code the UI turns into advice. */
export class ItamForgeError extends Error {
  override readonly name = 'ItamForgeError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
