import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { queryParam } from './openapiParts';

/**
 * Keyset pages for the lists that can grow without bound (an asset's history, an entity's
 * assets, installations): `limit` items, and an opaque `nextCursor` naming where the next page
 * starts. Keysets rather than offsets: a page costs the same however deep it is, and rows written
 * meanwhile neither repeat nor vanish.
 */

/** The `limit` and `cursor` query parameters of a paged list. */
export const pageQueryShape = (maxLimit: number) => ({
  limit: z.coerce.number().int().min(1).max(maxLimit).optional(),
  cursor: z.string().min(1).max(2000).optional(),
});

/** An opaque cursor for a position in a list (what the last item of a page was sorted by). */
export function encodePageCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** Reads a cursor back; a cursor this list did not give answers 400 naming `cursor`. */
export function decodePageCursor<T>(cursor: string, shape: z.ZodType<T>): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = shape.safeParse(parsed);
  if (!result.success) throw new InputError('Invalid request query: cursor is not a cursor this list returned');
  return result.data;
}

/** OpenAPI query parameters of a paged list. */
export const pageParams = (defaultLimit: number, maxLimit: number) => [
  queryParam('limit', { type: 'integer', minimum: 1, maximum: maxLimit }, `Items per page (default ${defaultLimit})`),
  queryParam('cursor', { type: 'string' }, 'The nextCursor of the previous page'),
];
