import type { AssetClass, LifecycleStage } from '../asset/constants';
import type { Asset, AssetPatchInput, NewAssetInput, SanitisationRecord } from '../asset/types';
import type { HistoryEvent } from '../history/events';
import type { TransitionOption } from '../lifecycle/transition';
import type {
  AssetLink,
  AssetLinkInput,
  EntityLink,
  EntityLinkInput,
  TicketLink,
  TicketLinkInput,
} from '../links/schema';

/**
 * A page of a cursor-paginated list.
 *
 * @public
 */
export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
}

/**
 * Filters of the asset register list. All given filters must match.
 *
 * @public
 */
export interface AssetListQuery {
  assetClass?: AssetClass;
  type?: string;
  lifecycleStage?: LifecycleStage;
  /** Owner entity ref, e.g. `group:default/sre`. */
  owner?: string;
  /** Assets linked to this catalogue entity ref. */
  entityRef?: string;
  /** Case-insensitive text search on tag, name and serial number. */
  q?: string;
  /** `entityLinks` adds each asset's catalogue links to the page (one extra query, not one per asset). */
  include?: 'entityLinks';
  /** Page size, 1 to 500 (default 50). */
  limit?: number;
  cursor?: string;
}

/**
 * An asset in a list page; `entityLinks` is present when the query asked to include them.
 *
 * @public
 */
export type ListedAsset = Asset & { entityLinks?: EntityLink[] };

/**
 * A request to move an asset to another lifecycle stage.
 *
 * @public
 */
export interface TransitionInput {
  to: LifecycleStage;
  reason?: string;
  sanitisation?: SanitisationRecord;
}

/**
 * An asset linked to a catalogue entity, with the link's role.
 *
 * @public
 */
export interface EntityAsset {
  asset: Asset;
  role: EntityLink['role'];
}

/**
 * An asset↔asset link as the API returns it: `sourceAssetId` is `type` of `targetAssetId`.
 *
 * @public
 */
export interface StoredAssetLinkDto extends AssetLink {
  sourceAssetId: string;
}

/**
 * A Jira ticket linked to an asset, with who linked it and when.
 *
 * @public
 */
export interface AssetTicket extends TicketLink {
  assetId: string;
  createdAt: string;
  createdBy: string;
}

/**
 * The ITAM backend API as the typed client offers it.
 *
 * @public
 */
export interface ItamApi {
  listAssets(query?: AssetListQuery): Promise<Page<ListedAsset>>;
  getAsset(idOrTag: string): Promise<Asset>;
  createAsset(input: NewAssetInput): Promise<Asset>;
  updateAsset(id: string, version: number, patch: AssetPatchInput): Promise<Asset>;
  transitionAsset(id: string, version: number, input: TransitionInput): Promise<Asset>;
  getTransitionOptions(id: string): Promise<TransitionOption[]>;
  getAssetHistory(id: string): Promise<HistoryEvent[]>;
  getEntityLinks(id: string): Promise<EntityLink[]>;
  addEntityLink(id: string, link: EntityLinkInput): Promise<EntityLink>;
  removeEntityLink(id: string, link: EntityLinkInput): Promise<void>;
  getEntityAssets(entityRef: string): Promise<EntityAsset[]>;
  getAssetLinks(id: string): Promise<StoredAssetLinkDto[]>;
  addAssetLink(id: string, link: AssetLinkInput): Promise<StoredAssetLinkDto>;
  removeAssetLink(id: string, link: AssetLinkInput): Promise<void>;
  getAssetTickets(id: string): Promise<AssetTicket[]>;
  /** Links a ticket (or refreshes its summary/status if already linked). */
  linkTicket(id: string, link: TicketLinkInput): Promise<TicketLink>;
  unlinkTicket(id: string, site: string, issueKey: string): Promise<void>;
  getTicketAssets(site: string, issueKey: string): Promise<{ asset: Asset; link: AssetTicket }[]>;
}
