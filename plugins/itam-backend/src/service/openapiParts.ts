// Building blocks of the OpenAPI document, shared by every feature's paths.

/** References to the shared error responses of the given status codes. */
export const errorResponses = (...codes: number[]) =>
  Object.fromEntries(codes.map(code => [String(code), { $ref: `#/components/responses/Error${code}` }]));

/** A required string path parameter. */
export const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', minLength: 1 },
});

/**
 * An optional query parameter. `allowReserved`: entity refs (`component:default/x`) read naturally
 * unencoded in a query.
 */
export const queryParam = (name: string, schema: object, description: string) => ({
  name,
  in: 'query',
  required: false,
  allowReserved: true,
  description,
  schema,
});

/** The If-Match header carrying the version (ETag) a change is based on. */
export const ifMatchHeader = (description: string) => ({
  name: 'if-match',
  in: 'header',
  required: true,
  description,
  schema: { type: 'string' },
});

/** A JSON response whose body is an object (details are in the zod schemas and the types). */
export const jsonObjectResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object' } } },
});

/** A required JSON object body. */
export const jsonObjectBody = {
  required: true,
  content: { 'application/json': { schema: { type: 'object' } } },
};
