import { isSafeText, UNSAFE_TEXT_MESSAGE } from '@itam/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ItamInputError } from './errors';

/** How deep a request's JSON or query is walked; deeper values are the schemas' concern. */
const MAX_DEPTH = 32;

/**
 * The dotted path of the first string (value or key) in `value` that {@link isSafeText} refuses,
 * or undefined when there is none.
 */
export function findUnsafeText(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return isSafeText(value) ? undefined : path;
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (!isSafeText(key)) return path;
    const found = findUnsafeText(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function refuse(where: string): never {
  throw new ItamInputError(
    [{ path: where, message: UNSAFE_TEXT_MESSAGE }],
    `Invalid request: ${where} ${UNSAFE_TEXT_MESSAGE}`,
  );
}

/**
 * Refuses query parameters and JSON bodies that carry NUL characters or unpaired surrogates
 * with a 400 naming the parameter or field, before any handler can pass them to the database
 * (PostgreSQL refuses NUL in text; it used to surface as a 500). The bodies' schemas refuse them
 * too (`safeText` in @itam/common); this also covers query parameters that a handler reads
 * without a schema.
 */
export const refuseUnsafeRequestText: RequestHandler = (req, _res, next) => {
  const where = findUnsafeText(req.query, 'query') ?? findUnsafeText(req.body, 'body');
  if (where) refuse(where);
  next();
};

/**
 * The same check for the path parameter `name` (express has decoded it: `%00` is a NUL here), as
 * a `router.param` handler. It reads the value from `req.params`: express-promise-router calls
 * param handlers with the request, response and next only.
 */
export function refuseUnsafePathParam(name: string) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const value = req.params[name];
    if (typeof value === 'string' && !isSafeText(value)) refuse(name);
    next();
  };
}

/** The names of the path parameters of an OpenAPI document (`{id}` in `/assets/{id}`). */
export function pathParamNames(spec: { paths: Record<string, unknown> }): string[] {
  const names = new Set<string>();
  for (const path of Object.keys(spec.paths)) for (const m of path.matchAll(/\{([^}]+)\}/g)) names.add(m[1]);
  return [...names].sort();
}
