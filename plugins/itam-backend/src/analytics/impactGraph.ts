import type { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { buildImpactGraph, type ImpactGraph, type ImpactGraphData } from '@itam/common';
import type { AssetStore } from '../database/AssetStore';

const CATALOG_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.owner',
  'spec.lifecycle',
  'relations',
];

/** Catalogue entities and their relations as the impact graph reads them. */
export function catalogToImpactData(entities: Entity[]): Pick<ImpactGraphData, 'entities' | 'relations'> {
  const out: Required<Pick<ImpactGraphData, 'entities' | 'relations'>> = { entities: [], relations: [] };
  for (const entity of entities) {
    const ref = stringifyEntityRef(entity);
    const spec = (entity.spec ?? {}) as { owner?: unknown; lifecycle?: unknown };
    (out.entities as unknown[]).push({
      ref,
      ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
      ...(typeof spec.owner === 'string' ? { owner: spec.owner } : {}),
      ...(typeof spec.lifecycle === 'string' ? { lifecycle: spec.lifecycle } : {}),
    });
    for (const relation of entity.relations ?? []) {
      (out.relations as unknown[]).push({ source: ref, type: relation.type, target: relation.targetRef });
    }
  }
  return out;
}

/**
 * Builds the change-impact graph from the register and the catalogue, and keeps it for a short
 * time: building reads the whole catalogue (about a second at 100k entities), queries then take
 * milliseconds.
 */
export class ImpactGraphSource {
  private cached?: { graph: ImpactGraph; builtAt: number };
  private building?: Promise<ImpactGraph>;

  constructor(
    private readonly options: {
      store: AssetStore;
      catalog: CatalogService;
      auth: AuthService;
      maxAgeMs?: number;
      now?: () => number;
    },
  ) {}

  async get(): Promise<ImpactGraph> {
    const now = (this.options.now ?? Date.now)();
    if (this.cached && now - this.cached.builtAt < (this.options.maxAgeMs ?? 60_000)) {
      return this.cached.graph;
    }
    this.building ??= this.build(now).finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  /** Forgets the cached graph, e.g. after links changed. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async build(now: number): Promise<ImpactGraph> {
    const { store, catalog, auth } = this.options;
    const { items } = await catalog.getEntities(
      { fields: CATALOG_FIELDS },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const assets = [];
    for await (const batch of store.streamAssets({})) assets.push(...batch);
    const tickets = await store.listAllTicketLinks();
    const graph = buildImpactGraph({
      assets,
      assetLinks: (await store.listAllAssetLinks()).map(l => ({
        assetId: l.sourceAssetId,
        type: l.type,
        targetAssetId: l.targetAssetId,
      })),
      entityLinks: (await store.listAllEntityLinks()) as ImpactGraphData['entityLinks'],
      openIncidents: tickets
        .filter(t => t.ticketType === 'incident' && !t.resolved)
        .map(t => ({ assetId: t.assetId, issueKey: t.issueKey })),
      ...catalogToImpactData(items.filter((e): e is Entity => Boolean(e))),
    });
    this.cached = { graph, builtAt: now };
    return graph;
  }
}
