import { CRITICALITY_TIERS, LIFECYCLE_STAGES } from '../asset/constants';
import { isoDateSchema } from '../asset/schema';
import { compareText } from '../text/compareText';
import { normalizeEntityRef } from '../entity/entityRef';
import { ItamValidationError, type ValidationIssue } from '../errors';
import {
  ASSET_LINK_STEPS,
  CATALOGUE_RELATION_STEPS,
  ENTITY_LINK_KINDS,
  OWNER_RELATIONS,
} from './relations';
import type {
  ImpactAssetInput,
  ImpactEntityInput,
  ImpactGraph,
  ImpactGraphData,
  ImpactGraphEntity,
  ImpactNodeRef,
} from './types';

/**
 * Edges are packed as `target * RADIX + kind` so one numeric sort orders a row by target; the
 * relations test keeps the number of edge kinds below RADIX.
 */
const RADIX = 16;
const MAX_NODES = Math.floor(0x7fffffff / RADIX);
/** A broken export can have a bad field in every row; the first ones are enough to fix it. */
const MAX_ISSUES = 50;
const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/;
const STAGES: ReadonlySet<string> = new Set(LIFECYCLE_STAGES);
const TIERS: ReadonlySet<unknown> = new Set(CRITICALITY_TIERS);


/**
 * Indexes assets, catalogue entities, their links and relations, and open incidents into the
 * adjacency structure {@link assessChangeImpact} walks. Build once per data snapshot; each query
 * then only touches the part of the graph it reaches.
 *
 * Entity refs are normalised the Backstage way (`component:Payments` becomes
 * `component:default/Payments`); `spec.owner` without a kind is a group. Relations stated from
 * both ends (`dependsOn` and `dependencyOf`) become one edge. Links, relations and incidents
 * that name an asset or entity absent from the data are dropped and counted in
 * `stats.danglingReferences` (catalogues routinely hold refs to deleted entities); relation types
 * the walk does not use are counted in `stats.ignoredRelations`.
 *
 * Cost: O(E log d) for E links and relations with at most d edges per node, plus sorting the node
 * keys.
 *
 * @throws {@link ItamValidationError} (up to 50 issues, with paths such as `relations.12.target`)
 * for malformed refs, duplicate asset ids or entity refs, unknown link types or roles, bad
 * criticality, stage, date or issue key.
 * @public
 */
export function buildImpactGraph(data: ImpactGraphData): ImpactGraph {
  const issues: ValidationIssue[] = [];
  const report = (path: string, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ path, message });
  };
  const refs = refNormaliser(report);

  const assets = indexAssets(data.assets ?? [], refs, report);
  const entities = indexEntities(data.entities ?? [], refs, report);
  const assetCount = assets.list.length;
  const nodeCount = assetCount + entities.list.length;
  if (nodeCount > MAX_NODES) report('', `has ${nodeCount} assets and entities; at most ${MAX_NODES} are supported`);
  const entityIndex = new Map<string, number>();
  entities.list.forEach((e, i) => entityIndex.set(e.ref, assetCount + i));
  // Raw ref as written in a relation -> node number (-1: valid but absent). One lookup per ref
  // instead of two (normalise, then index) is most of the build time on a large catalogue.
  const nodeOfRaw = new Map<string, number>();
  const entityNode = (raw: unknown, list: string, index: number, field: string): number | null => {
    const known = typeof raw === 'string' ? nodeOfRaw.get(raw) : undefined;
    if (known !== undefined) return known;
    const ref = refs(raw, list, index, field);
    if (ref === undefined) return null;
    const node = entityIndex.get(ref) ?? -1;
    nodeOfRaw.set(raw as string, node);
    return node;
  };

  const from: number[] = [];
  const to: number[] = [];
  const kinds: number[] = [];
  let dangling = 0;
  let ignoredRelations = 0;
  const addEdge = (a: number | undefined, b: number | undefined, kind: number) => {
    if (a === undefined || b === undefined || a < 0 || b < 0) {
      dangling++;
      return;
    }
    from.push(a);
    to.push(b);
    kinds.push(kind);
  };

  (data.assetLinks ?? []).forEach((link, i) => {
    const step = Object.hasOwn(ASSET_LINK_STEPS, link.type) ? ASSET_LINK_STEPS[link.type] : undefined;
    if (!step) {
      report(`assetLinks.${i}.type`, `must be one of ${Object.keys(ASSET_LINK_STEPS).join(', ')}`);
      return;
    }
    const source = assets.index.get(link.assetId);
    const target = assets.index.get(link.targetAssetId);
    if (step.from === 'source') addEdge(source, target, step.kind);
    else addEdge(target, source, step.kind);
  });

  (data.entityLinks ?? []).forEach((link, i) => {
    const kind = Object.hasOwn(ENTITY_LINK_KINDS, link.role) ? ENTITY_LINK_KINDS[link.role] : undefined;
    const entity = entityNode(link.entityRef, 'entityLinks', i, 'entityRef');
    if (kind === undefined) {
      report(`entityLinks.${i}.role`, `must be one of ${Object.keys(ENTITY_LINK_KINDS).join(', ')}`);
      return;
    }
    if (entity === null) return;
    addEdge(assets.index.get(link.assetId), entity, kind);
  });

  (data.relations ?? []).forEach((rel, i) => {
    const step = CATALOGUE_RELATION_STEPS.get(rel.type);
    const owned = step ? undefined : OWNER_RELATIONS.get(rel.type);
    if (!step && !owned) {
      ignoredRelations++;
      return;
    }
    if (step) {
      const source = entityNode(rel.source, 'relations', i, 'source');
      const target = entityNode(rel.target, 'relations', i, 'target');
      if (source === null || target === null) return;
      if (step.from === 'source') addEdge(source, target, step.kind);
      else addEdge(target, source, step.kind);
      return;
    }
    // The owner is usually a group or user, not in the entity list: normalise it, don't index it.
    const ownedNode = entityNode(owned === 'source' ? rel.source : rel.target, 'relations', i, owned!);
    const owner = refs(owned === 'source' ? rel.target : rel.source, 'relations', i, owned === 'source' ? 'target' : 'source');
    if (ownedNode === null || owner === undefined) return;
    if (ownedNode < 0) dangling++;
    else (entities.list[ownedNode - assetCount].owners as string[]).push(owner);
  });

  const incidents = new Map<number, Set<string>>();
  (data.openIncidents ?? []).forEach((incident, i) => {
    const key = typeof incident.issueKey === 'string' ? incident.issueKey.trim().toUpperCase() : '';
    if (!ISSUE_KEY.test(key)) {
      report(`openIncidents.${i}.issueKey`, 'must be a Jira issue key such as OPS-123');
      return;
    }
    const node = assets.index.get(incident.assetId);
    if (node === undefined) {
      dangling++;
      return;
    }
    const keys = incidents.get(node) ?? new Set<string>();
    keys.add(key);
    incidents.set(node, keys);
  });

  if (issues.length > 0) throw new ItamValidationError(issues, 'impact graph');

  const adjacency = compressRows(nodeCount, from, to, kinds);
  const finalEntities: ImpactGraphEntity[] = entities.list;
  // Owner and incident lists are handed out in every result without copying, so they are frozen:
  // a caller editing a result must not change the graph the next query reads.
  for (const entity of finalEntities) {
    // Nearly every entity has exactly one owner (spec.owner); only sort and dedupe when needed.
    const owners = entity.owners.length > 1 ? [...new Set(entity.owners)].sort(compareText) : entity.owners;
    entity.owners = Object.freeze(owners);
  }
  const incidentLists = new Map<number, readonly string[]>();
  for (const [node, keys] of incidents) incidentLists.set(node, Object.freeze([...keys].sort(compareText)));

  const nodeRefs: ImpactNodeRef[] = [
    ...assets.list.map(a => Object.freeze<ImpactNodeRef>({ type: 'asset', id: a.id, tag: a.tag })),
    ...finalEntities.map(e => Object.freeze<ImpactNodeRef>({ type: 'entity', ref: e.ref })),
  ];
  const assetTagRank = new Int32Array(assetCount);
  const assetsInTagOrder = Int32Array.from(
    assets.list
      .map((a, node) => ({ a, node }))
      .sort((x, y) => compareText(x.a.tag, y.a.tag) || compareText(x.a.id, y.a.id)),
    ({ node }) => node,
  );
  assetsInTagOrder.forEach((node, rank) => (assetTagRank[node] = rank));

  return {
    assets: assets.list,
    entities: finalEntities,
    assetIndex: assets.index,
    entityIndex,
    ...adjacency,
    incidents: incidentLists,
    nodeRefs,
    assetTagRank,
    assetsInTagOrder,
    stats: {
      assets: assetCount,
      entities: finalEntities.length,
      edges: adjacency.targets.length,
      ignoredRelations,
      danglingReferences: dangling,
    },
  };
}

type Report = (path: string, message: string) => void;
/**
 * Normalises a ref found at `list.index.field`. The path is only put together when reporting a
 * problem: building it for each of a million valid refs would cost more than the parsing.
 */
type RefNormaliser = (
  raw: unknown,
  list: string,
  index: number,
  field: string,
  defaultKind?: string,
) => string | undefined;

/**
 * Normalises entity refs, remembering each distinct string (one cache per default kind): a
 * catalogue names the same entities in hundreds of thousands of relations, and parsing is the
 * costliest step of a build.
 */
function refNormaliser(report: Report): RefNormaliser {
  const caches = new Map<string | undefined, Map<string, string | Error>>();
  return (raw, list, index, field, defaultKind) => {
    if (typeof raw !== 'string') {
      report(`${list}.${index}.${field}`, 'must be an entity reference string');
      return undefined;
    }
    let cache = caches.get(defaultKind);
    if (!cache) caches.set(defaultKind, (cache = new Map()));
    let result = cache.get(raw);
    if (result === undefined) {
      try {
        result = normalizeEntityRef(raw.trim(), { defaultKind });
      } catch (e) {
        result = e as Error;
      }
      cache.set(raw, result);
    }
    if (typeof result === 'string') return result;
    report(`${list}.${index}.${field}`, result.message);
    return undefined;
  };
}

function checkCriticality(value: unknown, list: string, index: number, report: Report): void {
  if (value !== undefined && !TIERS.has(value)) {
    report(`${list}.${index}.criticality`, 'must be a tier from 1 (most critical) to 4');
  }
}

function checkDate(value: unknown, index: number, field: string, report: Report): void {
  if (value !== undefined && !isoDateSchema.safeParse(value).success) {
    report(`assets.${index}.${field}`, 'must be a real calendar date formatted YYYY-MM-DD');
  }
}

function indexAssets(
  input: readonly ImpactAssetInput[],
  refs: RefNormaliser,
  report: Report,
): { list: ImpactAssetInput[]; index: Map<string, number> } {
  const byId = new Map<string, ImpactAssetInput>();
  input.forEach((a, i) => {
    if (typeof a.id !== 'string' || a.id.length === 0) {
      report(`assets.${i}.id`, 'must be a non-empty string');
      return;
    }
    if (byId.has(a.id)) report(`assets.${i}.id`, `duplicates asset id ${JSON.stringify(a.id)}`);
    if (typeof a.tag !== 'string' || a.tag.length === 0) report(`assets.${i}.tag`, 'must be a non-empty string');
    if (!STAGES.has(a.lifecycleStage)) {
      report(`assets.${i}.lifecycleStage`, `must be one of ${LIFECYCLE_STAGES.join(', ')}`);
    }
    checkCriticality(a.criticality, 'assets', i, report);
    checkDate(a.endOfLife, i, 'endOfLife', report);
    checkDate(a.endOfSupport, i, 'endOfSupport', report);
    const owner = a.owner === undefined ? undefined : refs(a.owner, 'assets', i, 'owner', 'group');
    // Copy only the fields the graph uses, with absent ones left out (not set to undefined), so
    // results compare equal whatever extra fields or key order the caller's objects had.
    const copy: ImpactAssetInput = { id: a.id, tag: a.tag, name: a.name, lifecycleStage: a.lifecycleStage };
    if (a.criticality !== undefined) copy.criticality = a.criticality;
    if (owner !== undefined) copy.owner = owner;
    if (a.endOfLife !== undefined) copy.endOfLife = a.endOfLife;
    if (a.endOfSupport !== undefined) copy.endOfSupport = a.endOfSupport;
    byId.set(a.id, copy);
  });
  const list = [...byId.values()].sort((x, y) => compareText(x.id, y.id));
  const index = new Map<string, number>();
  list.forEach((a, i) => index.set(a.id, i));
  return { list, index };
}

function indexEntities(
  input: readonly ImpactEntityInput[],
  refs: RefNormaliser,
  report: Report,
): { list: ImpactGraphEntity[] } {
  const byRef = new Map<string, ImpactGraphEntity>();
  input.forEach((e, i) => {
    const ref = refs(e.ref, 'entities', i, 'ref');
    if (ref === undefined) return;
    if (byRef.has(ref)) report(`entities.${i}.ref`, `duplicates entity ${ref}`);
    checkCriticality(e.criticality, 'entities', i, report);
    const owner = e.owner === undefined ? undefined : refs(e.owner, 'entities', i, 'owner', 'group');
    // Owners from ownership relations are added to this list as they are read.
    const entity: ImpactGraphEntity = {
      ref,
      kind: ref.slice(0, ref.indexOf(':')),
      owners: owner === undefined ? [] : [owner],
    };
    if (e.title !== undefined) entity.title = e.title;
    if (e.lifecycle !== undefined) entity.lifecycle = e.lifecycle;
    if (e.criticality !== undefined) entity.criticality = e.criticality;
    byRef.set(ref, entity);
  });
  return { list: [...byRef.values()].sort((x, y) => compareText(x.ref, y.ref)) };
}

/**
 * Builds compressed adjacency rows from an edge list: each row sorted by target then kind, with
 * repeated edges removed, so the walk's visiting order is a function of the graph alone.
 */
function compressRows(
  nodeCount: number,
  from: readonly number[],
  to: readonly number[],
  kinds: readonly number[],
): Pick<ImpactGraph, 'offsets' | 'targets' | 'edgeKinds'> {
  const start = new Int32Array(nodeCount + 1);
  for (const a of from) start[a + 1]++;
  for (let n = 0; n < nodeCount; n++) start[n + 1] += start[n];
  const cursor = start.slice(0, nodeCount);
  const keys = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) keys[cursor[from[e]]++] = to[e] * RADIX + kinds[e];

  const offsets = new Int32Array(nodeCount + 1);
  const targets = new Int32Array(from.length);
  const edgeKinds = new Uint8Array(from.length);
  let out = 0;
  for (let n = 0; n < nodeCount; n++) {
    const row = keys.subarray(start[n], start[n + 1]);
    row.sort();
    let previous = -1;
    for (const key of row) {
      if (key === previous) continue;
      previous = key;
      targets[out] = Math.floor(key / RADIX);
      edgeKinds[out] = key % RADIX;
      out++;
    }
    offsets[n + 1] = out;
  }
  return { offsets, targets: targets.slice(0, out), edgeKinds: edgeKinds.slice(0, out) };
}
