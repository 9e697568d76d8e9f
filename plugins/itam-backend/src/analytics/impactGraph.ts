import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { buildImpactGraph, type ImpactGraph, type ImpactGraphData } from '@itam/common';

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
 * Keeps the catalogue part of the change-impact graph (entities, relations, owners) in memory,
 * once per instance: building it reads the whole catalogue (about a second at 100k entities),
 * queries then take milliseconds. After `maxAgeMs` (or an invalidation) the next query starts a
 * rebuild in the background and is answered from the graph in hand; only the first query waits.
 * The register's part is read per query, for what the query reaches (see impactNeighbourhood.ts).
 */
export class CatalogueGraphSource {
  private cached?: { graph: ImpactGraph; builtAt: number; stale: boolean };
  private building?: Promise<ImpactGraph>;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger?: LoggerService;
      maxAgeMs?: number;
      now?: () => number;
    },
  ) {}

  async get(): Promise<ImpactGraph> {
    const now = (this.options.now ?? Date.now)();
    const cached = this.cached;
    if (cached && !cached.stale && now - cached.builtAt < (this.options.maxAgeMs ?? 60_000)) return cached.graph;
    this.building ??= this.build(now).finally(() => {
      this.building = undefined;
    });
    if (!cached) return this.building;
    // Stale: answered from the graph in hand while the rebuild runs; a failed rebuild is logged
    // and retried by the next query.
    this.building.catch(error => this.options.logger?.warn(`ITAM could not refresh the catalogue graph: ${String(error)}`));
    return cached.graph;
  }

  /** Marks the graph stale: the next query starts a rebuild (and is answered meanwhile). */
  invalidate(): void {
    if (this.cached) this.cached.stale = true;
  }

  private async build(now: number): Promise<ImpactGraph> {
    const { catalog, auth } = this.options;
    const { items } = await catalog.getEntities(
      { fields: CATALOG_FIELDS },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const graph = buildImpactGraph(catalogToImpactData(items.filter((e): e is Entity => Boolean(e))));
    this.cached = { graph, builtAt: now, stale: false };
    return graph;
  }
}
