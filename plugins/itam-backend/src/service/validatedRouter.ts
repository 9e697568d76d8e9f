import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import type { RequestHandler, Router } from 'express';
import PromiseRouter from 'express-promise-router';

/** An OpenAPI document, as far as splitting it by path needs it. */
interface OpenApiDocument {
  paths: Record<string, object>;
}

/**
 * Builds the plugin's router validated against an OpenAPI document, as Backstage's
 * `createValidatedOpenApiRouter` does (same validator, options, error shape and
 * `GET /openapi.json`), but with one validator per documented path, each reached through
 * express's own route matching.
 *
 * Why: express-openapi-validator finds a request's operation by compiling the pattern of each
 * documented path in turn, on every request, until one matches (its issue #1217, open). Over
 * this API's thirty-odd paths that cost 0.15-0.2 ms per request: about a tenth of an entity
 * lookup at a million assets, a quarter of a health check (which served 30% more requests per
 * second once split). express compiles its route patterns once, so here each validator only
 * ever looks at its own path.
 *
 * The price: each validator keeps its own schema compiler. Once every path had been called,
 * the process held about 33 MB more (10 MB of it heap), and first calls took about 70 ms more
 * per path. Once the validator caches its matchers, one validator for the whole document is
 * the simpler choice again.
 */
export function createPathValidatedRouter(
  spec: OpenApiDocument,
  options: { middleware: RequestHandler[]; validateResponses?: boolean },
): Router {
  const router = PromiseRouter();
  router.use(options.middleware);
  // The whole document's router only serves /openapi.json: the per-path validators below check
  // every documented route.
  router.get(
    '/openapi.json',
    createValidatedOpenApiRouter(spec as never, {
      middleware: [passThrough],
      validatorOptions: { ignorePaths: () => true },
    }) as unknown as RequestHandler,
  );
  for (const path of Object.keys(spec.paths).sort(byValidatorPrecedence)) {
    const validate = createValidatedOpenApiRouter({ ...spec, paths: { [path]: withJsonBodiesUnchecked(spec.paths[path]) } } as never, {
      // Bodies are parsed once, above (the helper refuses an empty list).
      middleware: [passThrough],
      // The whole document is checked once, by the /openapi.json router.
      validatorOptions: { validateApiSpec: false, ...(options.validateResponses ? { validateResponses: true } : {}) },
    }) as unknown as RequestHandler;
    // Two paths can match one URL (/assets/export.csv and /assets/{id}): the first in the
    // validator's own precedence validates it, as the single validator would have.
    router.all(toExpressPath(path), (req, res, next) => ((req as { openapi?: unknown }).openapi ? next() : validate(req, res, next)));
  }
  return router;
}

const passThrough: RequestHandler = (_req, _res, next) => next();

/**
 * A path's operations with their JSON request bodies checked only for being objects: the routes
 * check them with the zod schemas of @itam/common, which answer one 400 naming every wrong field
 * (including the rules a schema cannot state, such as a cost without its currency), where the
 * validator would stop at the first field it refuses. The document served keeps the full
 * description, and packages/common/src/client/contract.ts holds it to the client's types.
 */
function withJsonBodiesUnchecked(item: object): object {
  return Object.fromEntries(
    Object.entries(item).map(([method, operation]) => {
      const body = (operation as { requestBody?: { content?: Record<string, unknown> } }).requestBody;
      if (!body?.content?.['application/json']) return [method, operation];
      const content = { ...body.content, 'application/json': { schema: { type: 'object' } } };
      return [method, { ...(operation as object), requestBody: { ...body, content } }];
    }),
  );
}

/** `/assets/{id}/history` as express writes it: `/assets/:id/history`. */
export function toExpressPath(openApiPath: string): string {
  return openApiPath.replace(/\{([^}]+)\}/g, ':$1');
}

/**
 * The order in which express-openapi-validator tries paths: a path before its own prefixes,
 * otherwise alphabetical with parameters after literal segments (so `/assets/export.csv` comes
 * before `/assets/{id}`).
 */
export function byValidatorPrecedence(a: string, b: string): number {
  const [x, y] = [a.replace(/\/\{/g, '/~'), b.replace(/\/\{/g, '/~')];
  if (x.startsWith(y)) return x === y ? 0 : -1;
  if (y.startsWith(x)) return 1;
  return x > y ? 1 : -1;
}
