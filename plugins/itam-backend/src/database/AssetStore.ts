import type {
  Asset,
  AssetChange,
  AssetLink,
  AssetListQuery,
  EntityAsset,
  EntityLink,
  HistoryEvent,
  Page,
  TicketLink,
} from '@itam/common';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type { AssetCriterion } from '../permissions/rules';

/**
 * The assets a caller may see, as a permission policy's conditions: absent means every asset.
 *
 * @public
 */
export type AssetVisibility = PermissionCriteria<AssetCriterion> | undefined;

/** Where an item of an entity's asset list sits in its (tag, role) order. */
export interface EntityAssetPosition {
  tag: string;
  role: string;
}

/**
 * Who made a change and when, recorded on links (assets carry it in their history).
 *
 * @public
 */
export interface Stamp {
  actor: string;
  at: string;
}

/**
 * A ticket link as stored, with the asset it belongs to.
 *
 * @public
 */
export interface StoredTicketLink extends TicketLink {
  assetId: string;
  createdAt: string;
  createdBy: string;
}

/**
 * An asset↔asset link as stored: `sourceAssetId` is `type` of `targetAssetId`
 * (e.g. software installed-on a laptop).
 *
 * @public
 */
export interface StoredAssetLink extends AssetLink {
  sourceAssetId: string;
}

/**
 * Persistence of the asset register. Every method that writes does so in one transaction.
 *
 * @public
 */
export interface AssetStore {
  /** A page of the register in tag order; `visible` narrows it in the query itself. */
  listAssets(query: AssetListQuery, visible?: AssetVisibility): Promise<Page<Asset>>;
  /** `listAssets` with each asset as its stored JSON text, for responses that pass it through. */
  listAssetsJson(query: AssetListQuery, visible?: AssetVisibility): Promise<Page<string>>;
  /** Streams the register in tag order, a batch at a time (for exports). */
  streamAssets(query: Omit<AssetListQuery, 'cursor' | 'limit'>, visible?: AssetVisibility): AsyncIterable<Asset[]>;
  /** Which of `ids` are assets matching `visible` (all existing ones when it is absent). */
  visibleAssetIds(ids: readonly string[], visible: AssetVisibility): Promise<Set<string>>;
  /** Finds an asset by id, or by asset tag when no id matches. */
  getAsset(idOrTag: string): Promise<Asset | undefined>;
  /**
   * The asset ids that ids or tags name, as {@link AssetStore.getAsset} would find them (an id
   * first, then a tag), in a few statements for the whole list; names that find nothing are absent.
   */
  findAssetIds(idsOrTags: readonly string[]): Promise<Map<string, string>>;
  /** Inserts a new asset with its `created` history event. */
  createAsset(change: AssetChange): Promise<Asset>;
  /**
   * Optimistic concurrency: loads the asset, refuses with a ConflictError if it is no longer at
   * `expectedVersion`, applies `mutate`, and writes the new version and its history event.
   * `mutate` returning undefined means "nothing changed" and writes nothing.
   */
  mutateAsset(
    id: string,
    expectedVersion: number,
    mutate: (asset: Asset) => AssetChange | undefined,
  ): Promise<Asset>;
  getHistory(assetId: string): Promise<HistoryEvent[]>;
  /** One page of an asset's history, oldest first, after the given version. */
  getHistoryPage(assetId: string, page: { afterVersion?: number; limit: number }): Promise<{ items: HistoryEvent[]; hasMore: boolean }>;

  listEntityLinks(assetId: string): Promise<EntityLink[]>;
  /** The entity links of many assets in one query. */
  listEntityLinksOf(assetIds: string[]): Promise<Map<string, EntityLink[]>>;
  /** Adds a link; returns false when it already existed (adding is idempotent). */
  addEntityLink(assetId: string, link: EntityLink, stamp: Stamp): Promise<boolean>;
  /** Removes a link; returns false when there was none. */
  removeEntityLink(assetId: string, link: EntityLink): Promise<boolean>;
  getEntityAssets(entityRef: string): Promise<EntityAsset[]>;
  /** The ids of the assets linked to an entity (in any role), each once. */
  listEntityAssetIds(entityRef: string): Promise<string[]>;
  /**
   * `getEntityAssets` as JSON text: the array's elements, comma-separated, without the brackets
   * (empty when the entity has no assets), each asset as stored, for responses that pass it through.
   */
  getEntityAssetItemsJson(entityRef: string): Promise<{ items: string; count: number }>;
  /**
   * One page of an entity's asset items, in (tag, role) order after `after`, narrowed to the
   * assets matching `visible`, read from the links: for long lists and restricted callers.
   */
  getEntityAssetItemsPage(
    entityRef: string,
    page: { after?: EntityAssetPosition; limit: number; visible?: AssetVisibility },
  ): Promise<{ items: string[]; last?: EntityAssetPosition; hasMore: boolean }>;

  listAssetLinks(assetId: string): Promise<StoredAssetLink[]>;
  addAssetLink(link: StoredAssetLink, stamp: Stamp): Promise<boolean>;
  removeAssetLink(link: StoredAssetLink): Promise<boolean>;

  listTicketLinks(assetId: string): Promise<StoredTicketLink[]>;
  /** Every link of each kind, for analytics that look at the whole estate. */
  listAllAssetLinks(): Promise<StoredAssetLink[]>;
  /** The assets with these ids, in no particular order (ids not in the register are left out). */
  getAssets(ids: readonly string[]): Promise<Asset[]>;
  /** The links of a type whose target is one of these assets (e.g. the hosts of some VMs). */
  listLinksTo(type: string, targetIds: readonly string[]): Promise<StoredAssetLink[]>;
  listAllEntityLinks(): Promise<(EntityLink & { assetId: string })[]>;
  listAllTicketLinks(): Promise<StoredTicketLink[]>;
  /** Lifecycle transitions recorded between two instants (inclusive), oldest first. */
  listTransitions(from: string, to: string): Promise<HistoryEvent[]>;
  /** Adds or refreshes (summary, status, resolved) a ticket link; returns true when new. */
  upsertTicketLink(assetId: string, link: TicketLink, stamp: Stamp): Promise<boolean>;
  removeTicketLink(assetId: string, site: string, issueKey: string): Promise<boolean>;
  getTicketAssets(
    site: string,
    issueKey: string,
    visible?: AssetVisibility,
  ): Promise<{ asset: Asset; link: StoredTicketLink }[]>;
}
