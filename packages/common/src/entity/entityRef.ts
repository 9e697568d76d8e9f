// A pure re-statement of Backstage's entity reference rules (catalog-model's parseEntityRef and
// the default naming policy), so the domain package stays free of Backstage imports.

const KIND = /^[a-zA-Z][a-zA-Z0-9]*$/;
const NAMESPACE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NAME = /^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$/;
const MAX_PART = 63;

/**
 * The three parts of a Backstage entity reference.
 *
 * @public
 */
export interface EntityName {
  kind: string;
  namespace: string;
  name: string;
}

/**
 * Parses `[kind:][namespace/]name` the way Backstage does. Missing parts take the defaults given;
 * a missing kind without a default is an error. Kind and namespace are lower-cased, as
 * Backstage compares them case-insensitively.
 *
 * @throws Error naming the part that is wrong.
 * @public
 */
export function parseEntityRef(
  ref: string,
  defaults: { defaultKind?: string; defaultNamespace?: string } = {},
): EntityName {
  if (typeof ref !== 'string' || ref.length === 0) {
    throw new Error('entity reference must be a non-empty string');
  }
  const colon = ref.indexOf(':');
  const slash = ref.indexOf('/');
  if (colon !== -1 && slash !== -1 && slash < colon) {
    throw new Error(`entity reference "${ref}" has its namespace before its kind`);
  }
  const kind = colon === -1 ? defaults.defaultKind : ref.slice(0, colon);
  const rest = colon === -1 ? ref : ref.slice(colon + 1);
  const restSlash = rest.indexOf('/');
  const namespace =
    restSlash === -1 ? defaults.defaultNamespace ?? 'default' : rest.slice(0, restSlash);
  const name = restSlash === -1 ? rest : rest.slice(restSlash + 1);
  if (!kind) {
    throw new Error(`entity reference "${ref}" has no kind (expected kind:namespace/name)`);
  }
  if (!KIND.test(kind) || kind.length > MAX_PART) {
    throw new Error(`entity reference "${ref}" has an invalid kind "${kind}"`);
  }
  const ns = namespace.toLocaleLowerCase('en-US');
  if (!NAMESPACE.test(ns) || ns.length > MAX_PART) {
    throw new Error(`entity reference "${ref}" has an invalid namespace "${namespace}"`);
  }
  if (!NAME.test(name) || name.length > MAX_PART) {
    throw new Error(`entity reference "${ref}" has an invalid name "${name}"`);
  }
  return { kind: kind.toLocaleLowerCase('en-US'), namespace: ns, name };
}

/**
 * Formats an entity name as the full, normalised reference `kind:namespace/name`.
 *
 * @public
 */
export function stringifyEntityRef(entity: EntityName): string {
  return `${entity.kind.toLocaleLowerCase('en-US')}:${entity.namespace.toLocaleLowerCase(
    'en-US',
  )}/${entity.name}`;
}

/**
 * Normalises any accepted reference to its full form, e.g. `group:sre` to `group:default/sre`.
 *
 * @public
 */
export function normalizeEntityRef(
  ref: string,
  defaults?: { defaultKind?: string; defaultNamespace?: string },
): string {
  return stringifyEntityRef(parseEntityRef(ref, defaults));
}
