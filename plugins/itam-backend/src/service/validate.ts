import { MAX_COUNT, validate as validateInput, type ValidationIssue } from '@itam/common';
import { z } from 'zod';
import { ItamInputError } from './errors';

/** Validates a request part with a domain schema, throwing a 400 that names every bad field. */
export function parseRequest<S extends z.ZodTypeAny>(
  schema: S,
  input: unknown,
  part: 'body' | 'query' | 'path' = 'body',
): z.output<S> {
  const result = validateInput(schema, input);
  if (result.ok) return result.value;
  throw new ItamInputError(result.issues, describe(part, result.issues));
}

function describe(part: string, issues: ValidationIssue[]): string {
  return `Invalid request ${part}: ${issues
    .map(i => (i.path ? `${i.path} ${i.message}` : i.message))
    .join('; ')}`;
}

/**
 * A query parameter holding a comma-separated list (the client joins arrays with commas): each
 * value trimmed, empty ones dropped, repeats kept once, then `item` checked on each and the count
 * on the whole (1 to `max`).
 */
export function commaSeparatedList<T extends z.ZodTypeAny>(item: T, max: number) {
  return z
    .string()
    .min(1)
    .transform(s => [...new Set(s.split(',').map(v => v.trim()).filter(Boolean))])
    .pipe(z.array(item).min(1).max(max));
}

/** Reads the asset version from an If-Match header: `"3"`, `W/"3"` or `3`. */
export function parseIfMatch(header: string | undefined): number {
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header?.trim() ?? '');
  // Versions are integer columns: a larger number names no version (and would not fit a query).
  if (!match || Number(match[1]) > MAX_COUNT) {
    throw new ItamInputError(
      [{ path: 'if-match', message: 'must be the asset version as an ETag, e.g. "3"' }],
      'if-match header must be the asset version as an ETag, e.g. "3"',
    );
  }
  return Number(match[1]);
}
