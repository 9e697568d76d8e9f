import {
  ASSET_CLASSES,
  ASSET_FIELD_PATTERNS,
  DATA_CLASSIFICATIONS,
  isSafeText,
  LIFECYCLE_STAGES,
  MAX_AMOUNT,
  normalizeEntityRef,
  type NewAsset,
} from '@itam/common';

/*
 * A fast path in front of `newAssetSchema` for the import, where zod's per-row cost (and the
 * garbage it leaves) dominated: rows made only of plain, already valid values are accepted here
 * and produce exactly what the schema would (same values, same key order); anything else —
 * attributes, sanitisation, unknown keys, any doubtful value — returns undefined and goes through
 * the schema, which also words the errors. `quickValidate.test.ts` holds the two to the same
 * answers.
 */

// The schema's own patterns, so the two cannot drift apart.
const { tag: TAG, type: TYPE, isoDate: DATE, currency: CURRENCY, externalIdSource: SOURCE } = ASSET_FIELD_PATTERNS;
const classes = new Set<string>(ASSET_CLASSES);
const classifications = new Set<string>(DATA_CLASSIFICATIONS);
const stages = new Set<string>(LIFECYCLE_STAGES);

/** Input keys the fast path understands; any other key present sends the row to the schema. */
const KNOWN = new Set([
  'tag', 'name', 'assetClass', 'type', 'description', 'criticality', 'dataClassification', 'serialNumber',
  'externalIds', 'owner', 'custodian', 'location', 'costCentre', 'purchase', 'warrantyEnd', 'endOfLife',
  'endOfSupport', 'lifecycleStage',
]);
const PURCHASE_KEYS = new Set(['date', 'cost', 'currency', 'supplier', 'orderNumber']);

/** Thrown inside the fast path when a value needs the schema; never escapes. */
const SCHEMA = Symbol('schema');

function text(value: unknown, max: number, pattern?: RegExp): string {
  if (typeof value !== 'string') throw SCHEMA;
  const v = value.trim();
  if (v.length < 1 || v.length > max || (pattern && !pattern.test(v)) || !isSafeText(v)) throw SCHEMA;
  return v;
}

// Imports repeat the same few dates; a small cache spares building a Date per cell.
const realDates = new Set<string>();

function date(value: unknown): string {
  if (typeof value !== 'string') throw SCHEMA;
  if (realDates.has(value)) return value;
  if (!DATE.test(value)) throw SCHEMA;
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw SCHEMA;
  if (realDates.size >= 10_000) realDates.clear();
  realDates.add(value);
  return value;
}

function member(value: unknown, allowed: Set<string>): string {
  if (typeof value !== 'string' || !allowed.has(value)) throw SCHEMA;
  return value;
}

function ownerRef(value: unknown): string {
  if (typeof value !== 'string') throw SCHEMA;
  let ref: string;
  try {
    ref = normalizeEntityRef(value.trim());
  } catch {
    throw SCHEMA;
  }
  const kind = ref.slice(0, ref.indexOf(':'));
  if (kind !== 'user' && kind !== 'group') throw SCHEMA;
  return ref;
}

function amount(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_AMOUNT) throw SCHEMA;
  // Whole ten-thousandths are certain below 2^53 / 10^4 when n × 10^4 is an integer; anything
  // else goes to the schema, which judges the decimal exactly.
  const scaled = value * 10_000;
  if (!Number.isSafeInteger(scaled) || scaled / 10_000 !== value) throw SCHEMA;
  return value;
}

function purchase(value: unknown): NewAsset['purchase'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw SCHEMA;
  const p = value as Record<string, unknown>;
  for (const k in p) if (!PURCHASE_KEYS.has(k)) throw SCHEMA;
  const out: Record<string, unknown> = {};
  if ('date' in p) out.date = p.date === undefined ? undefined : date(p.date);
  if ('cost' in p) out.cost = p.cost === undefined ? undefined : amount(p.cost);
  if ('currency' in p) {
    if (p.currency !== undefined && (typeof p.currency !== 'string' || !CURRENCY.test(p.currency))) throw SCHEMA;
    out.currency = p.currency;
  }
  if ('supplier' in p) out.supplier = p.supplier === undefined ? undefined : text(p.supplier, 200);
  if ('orderNumber' in p) out.orderNumber = p.orderNumber === undefined ? undefined : text(p.orderNumber, 100);
  if (out.cost !== undefined && out.currency === undefined) throw SCHEMA;
  return out as NewAsset['purchase'];
}

function externalIds(value: unknown): NewAsset['externalIds'] {
  if (!Array.isArray(value) || value.length > 32) throw SCHEMA;
  const seen = new Set<string>();
  return value.map(e => {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) throw SCHEMA;
    for (const k in e) if (k !== 'source' && k !== 'sourceId') throw SCHEMA;
    const id = { source: text(e.source, 64, SOURCE), sourceId: text(e.sourceId, 256) };
    const key = `${id.source}\u0000${id.sourceId}`;
    if (seen.has(key)) throw SCHEMA;
    seen.add(key);
    return id;
  });
}

const description = (v: unknown) => {
  if (typeof v !== 'string' || v.length > 4000 || !isSafeText(v)) throw SCHEMA;
  return v;
};
const serialNumber = (v: unknown) => text(v, 128);
const location = (v: unknown) => text(v, 200);
const costCentre = (v: unknown) => text(v, 64);

/** Optional fields keep a key the input has, even when undefined, as zod does. */
function optional(input: Record<string, unknown>, out: Record<string, unknown>, key: string, check: (v: unknown) => unknown) {
  if (key in input) out[key] = input[key] === undefined ? undefined : check(input[key]);
}

/**
 * What `newAssetSchema` makes of `input` when the row is plainly valid; undefined when the
 * schema has to decide (which includes every invalid row).
 */
export function quickValidateNewAsset(input: Record<string, unknown>): NewAsset | undefined {
  for (const k in input) if (!KNOWN.has(k)) return undefined;
  try {
    const criticality = input.criticality === undefined ? 3 : input.criticality;
    if (criticality !== 1 && criticality !== 2 && criticality !== 3 && criticality !== 4) return undefined;
    // Built in the schema's key order, so the stored JSON and the history are the same bytes.
    // Assigned one key at a time, with checks made once per module: spreading a small object
    // per optional field and making closures per row cost more than the checks themselves.
    const out: Record<string, unknown> = {
      tag: text(input.tag, 64, TAG),
      name: text(input.name, 200),
      assetClass: member(input.assetClass, classes),
      type: text(input.type, 64, TYPE),
    };
    optional(input, out, 'description', description);
    out.criticality = criticality;
    out.dataClassification = input.dataClassification === undefined ? 'internal' : member(input.dataClassification, classifications);
    optional(input, out, 'serialNumber', serialNumber);
    out.externalIds = input.externalIds === undefined ? [] : externalIds(input.externalIds);
    optional(input, out, 'owner', ownerRef);
    optional(input, out, 'custodian', ownerRef);
    optional(input, out, 'location', location);
    optional(input, out, 'costCentre', costCentre);
    optional(input, out, 'purchase', purchase);
    optional(input, out, 'warrantyEnd', date);
    optional(input, out, 'endOfLife', date);
    optional(input, out, 'endOfSupport', date);
    out.attributes = {};
    out.lifecycleStage = input.lifecycleStage === undefined ? 'planned' : member(input.lifecycleStage, stages);
    return out as unknown as NewAsset;
  } catch (e) {
    if (e === SCHEMA) return undefined;
    throw e;
  }
}
