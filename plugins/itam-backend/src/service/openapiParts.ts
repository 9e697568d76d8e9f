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

/** Schemas of the values the bodies share: text, a calendar day, an instant, a count. */
export const textSchema = { type: 'string' };
export const daySchema = { type: 'string', format: 'date', description: 'Calendar day, YYYY-MM-DD' };
export const dateTimeSchema = { type: 'string', format: 'date-time' };
export const countSchema = { type: 'integer', minimum: 0 };

/** An object schema with exactly these properties, `required` of them always present. */
export const closedObject = (required: string[], properties: Record<string, object>, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  required,
  properties,
  additionalProperties: false,
  ...extra,
});

/** A reference to a schema of the document's components. */
export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A JSON response of `schema`, with an example of it when given. */
export const jsonResponse = (description: string, schema: object, example?: unknown) => ({
  description,
  content: { 'application/json': { schema, ...(example === undefined ? {} : { example }) } },
});

/** A JSON response of the component schema `name`. */
export const schemaResponse = (description: string, name: string) => jsonResponse(description, schemaRef(name));

/**
 * A JSON response listing `name`s under `items`, with `beside` properties next to them (those
 * named in `alsoRequired` always present).
 */
export const listResponse = (description: string, name: string, beside: Record<string, object> = {}, alsoRequired: string[] = []) => ({
  description,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['items', ...alsoRequired],
        properties: { items: { type: 'array', items: schemaRef(name) }, ...beside },
        additionalProperties: false,
      },
    },
  },
});

/** A required JSON body of the component schema `name`. */
export const schemaBody = (name: string) => ({
  required: true,
  content: { 'application/json': { schema: schemaRef(name) } },
});
