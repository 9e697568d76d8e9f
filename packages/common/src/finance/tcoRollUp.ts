import { normalizeEntityRef } from '../entity/entityRef';
import { ItamValidationError, type ValidationIssue } from '../errors';
import type { EntityLinkRole } from '../links/schema';
import { allocateEvenly } from './allocateEvenly';
import type { AssetTco } from './assetTco';
import { COST_CATEGORIES, type CostCategory } from './costItem';
import { minorToNumber, roundToMinor } from './currency';
import type { DateWindow } from './dateWindow';
import { fromNumber } from './rational';

/**
 * A link from an asset to a catalogue entity (component, resource, system...), as stored.
 *
 * @public
 */
export interface AssetEntityLink {
  assetId: string;
  entityRef: string;
  role?: EntityLinkRole;
}

/**
 * How the cost of an asset linked to several entities is attributed:
 * - `split-evenly` (default): each linked entity carries an equal share, so entity totals plus
 *   the unallocated cost add up to the estate's total exactly (no double counting);
 * - `full`: each linked entity carries the asset's whole cost — "what this service depends on" —
 *   so the entity totals overlap and must not be added together.
 *
 * @public
 */
export type TcoAllocation = 'split-evenly' | 'full';

/**
 * Options of {@link rollUpTcoByEntity}.
 *
 * @public
 */
export interface TcoRollUpOptions {
  allocation?: TcoAllocation;
  /** Only links with these roles count; all links when absent. */
  roles?: readonly EntityLinkRole[];
}

/**
 * One asset's contribution to an entity's cost.
 *
 * @public
 */
export interface EntityTcoContribution {
  assetId: string;
  /** How many entities the asset's cost is split across (1 with `full` allocation). */
  sharedWith: number;
  amount: number;
}

/**
 * Cost of ownership attributed to one catalogue entity.
 *
 * @public
 */
export interface EntityTco {
  entityRef: string;
  total: number;
  byCategory: Record<CostCategory, number>;
  /** Contributing assets, by asset id. */
  assets: EntityTcoContribution[];
}

/**
 * TCO rolled up per catalogue entity.
 *
 * @public
 */
export interface TcoRollUp {
  /** The currency of every amount; absent only when there were no asset costs at all. */
  currency?: string;
  window?: DateWindow;
  allocation: TcoAllocation;
  /** Entities in entity-ref order. */
  entities: EntityTco[];
  /** Assets with costs but no (counted) link to any entity: their cost is not lost, just shown here. */
  unallocated: { assetIds: string[]; total: number; byCategory: Record<CostCategory, number> };
  /** Sum of all the assets' TCO, whatever the allocation. */
  estateTotal: number;
  /** Linked assets for which no TCO was given (their cost is unknown, not zero). */
  linkedAssetsWithoutTco: string[];
}

/**
 * Rolls asset TCO up to the catalogue entities the assets are linked to (docs/domain/money.md: cost per
 * service). See {@link TcoAllocation} for how a shared asset is counted; links to the same entity
 * with several roles count once. Even splits are exact in minor units: the leftover cents go to
 * the entities in entity-ref order, rotating across categories.
 *
 * @throws {@link ItamValidationError} when the TCOs are in different currencies (never converted
 * silently) or for different windows, an asset appears twice, or an entity ref is malformed.
 * @public
 */
export function rollUpTcoByEntity(
  tcos: readonly AssetTco[],
  links: readonly AssetEntityLink[],
  options: TcoRollUpOptions = {},
): TcoRollUp {
  const allocation = options.allocation ?? 'split-evenly';
  const issues: ValidationIssue[] = [];
  if (allocation !== 'split-evenly' && allocation !== 'full') {
    issues.push({ path: 'options.allocation', message: 'must be one of "split-evenly", "full"' });
  }
  const currency = tcos[0]?.currency;
  const windowKey = (t: AssetTco) => (t.window ? `${t.window.from}..${t.window.to}` : 'life');
  const byAsset = new Map<string, AssetTco>();
  tcos.forEach((t, i) => {
    if (t.currency !== currency) {
      issues.push({
        path: `tcos.${i}.currency`,
        message: `is ${t.currency} but the first asset's TCO is in ${currency}; convert before rolling up (amounts are never converted silently)`,
      });
    }
    if (windowKey(t) !== windowKey(tcos[0])) {
      issues.push({ path: `tcos.${i}.window`, message: `must be the same window as the first TCO (${windowKey(tcos[0])})` });
    }
    if (byAsset.has(t.assetId)) issues.push({ path: `tcos.${i}.assetId`, message: `duplicates asset ${t.assetId}` });
    byAsset.set(t.assetId, t);
  });
  const entitiesOf = new Map<string, Set<string>>();
  const withoutTco = new Set<string>();
  links.forEach((link, i) => {
    if (options.roles && (link.role === undefined || !options.roles.includes(link.role))) return;
    let ref: string;
    try {
      ref = normalizeEntityRef(link.entityRef);
    } catch (e) {
      issues.push({ path: `links.${i}.entityRef`, message: (e as Error).message });
      return;
    }
    if (!byAsset.has(link.assetId)) {
      withoutTco.add(link.assetId);
      return;
    }
    const set = entitiesOf.get(link.assetId) ?? new Set<string>();
    set.add(ref);
    entitiesOf.set(link.assetId, set);
  });
  if (issues.length > 0) throw new ItamValidationError(issues, 'TCO roll-up');

  const toMinor = (n: number) => roundToMinor(fromNumber(n), currency);
  const entities = new Map<string, { byCategory: bigint[]; assets: Map<string, { sharedWith: number; minor: bigint }> }>();
  const unallocated = { assetIds: [] as string[], byCategory: COST_CATEGORIES.map(() => 0n) };
  let estate = 0n;
  for (const tco of [...byAsset.values()].sort((a, b) => cmp(a.assetId, b.assetId))) {
    const categories = COST_CATEGORIES.map(c => toMinor(tco.byCategory[c]));
    estate += categories.reduce((a, b) => a + b, 0n);
    const refs = [...(entitiesOf.get(tco.assetId) ?? [])].sort(cmp);
    if (refs.length === 0) {
      unallocated.assetIds.push(tco.assetId);
      categories.forEach((m, c) => (unallocated.byCategory[c] += m));
      continue;
    }
    // shares[c][e]: category c's amount for entity e.
    let offset = 0;
    const shares = categories.map(m => {
      if (allocation === 'full') return refs.map(() => m);
      const split = allocateEvenly(m, refs.length, offset);
      offset += Number((m < 0n ? -m : m) % BigInt(refs.length));
      return split;
    });
    refs.forEach((ref, e) => {
      const entity = entities.get(ref) ?? { byCategory: COST_CATEGORIES.map(() => 0n), assets: new Map() };
      let minor = 0n;
      shares.forEach((perEntity, c) => {
        entity.byCategory[c] += perEntity[e];
        minor += perEntity[e];
      });
      entity.assets.set(tco.assetId, { sharedWith: allocation === 'full' ? 1 : refs.length, minor });
      entities.set(ref, entity);
    });
  }

  const money = (m: bigint) => minorToNumber(m, currency);
  const categoriesOf = (minor: bigint[]) =>
    Object.fromEntries(COST_CATEGORIES.map((c, i) => [c, money(minor[i])])) as Record<CostCategory, number>;
  const sum = (minor: bigint[]) => minor.reduce((a, b) => a + b, 0n);
  return {
    ...(currency === undefined ? {} : { currency }),
    ...(tcos[0]?.window ? { window: { ...tcos[0].window } } : {}),
    allocation,
    entities: [...entities.entries()]
      .sort(([a], [b]) => cmp(a, b))
      .map(([entityRef, e]) => ({
        entityRef,
        total: money(sum(e.byCategory)),
        byCategory: categoriesOf(e.byCategory),
        assets: [...e.assets.entries()].map(([assetId, a]) => ({
          assetId,
          sharedWith: a.sharedWith,
          amount: money(a.minor),
        })),
      })),
    unallocated: {
      assetIds: unallocated.assetIds,
      total: money(sum(unallocated.byCategory)),
      byCategory: categoriesOf(unallocated.byCategory),
    },
    estateTotal: money(estate),
    linkedAssetsWithoutTco: [...withoutTco].sort(cmp),
  };
}

/** Code-unit order, independent of the runtime's locale. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
