import { lifecycleFactBits, purchaseCostFacts, type Asset, type HistoryEvent } from '@itam/common';

/** A row of `itam_assets`. */
export interface AssetRow {
  id: string;
  tag: string;
  name: string;
  asset_class: string;
  type: string;
  lifecycle_stage: string;
  criticality: number;
  data_classification: string;
  serial_number: string | null;
  owner: string | null;
  search_text: string;
  data: string;
  version: number;
  created_at: string;
  updated_at: string;
  /** The purchase cost facts the cost KPI sums (`purchaseCostFacts` of @itam/common). */
  purchase_currency: string | null;
  purchase_date: string | null;
  /** Minor units as a decimal string: exact beyond 2^53, and both databases cast it to bigint. */
  purchase_cost_minor: string | null;
  /** The lifecycle facts the asset carries, as common's `lifecycleFactBits`. */
  lifecycle_facts: number;
  /** Where the register places the asset: an audit campaign's scope filters by it. */
  location: string | null;
}

/** The columns of `itam_assets`, in the order bulk inserts bind them. */
export const ASSET_COLUMNS: readonly (keyof AssetRow)[] = [
  'id',
  'tag',
  'name',
  'asset_class',
  'type',
  'lifecycle_stage',
  'criticality',
  'data_classification',
  'serial_number',
  'owner',
  'search_text',
  'data',
  'version',
  'created_at',
  'updated_at',
  'purchase_currency',
  'purchase_date',
  'purchase_cost_minor',
  'lifecycle_facts',
  'location',
];

/** A row of `itam_asset_history`. */
export interface HistoryRow {
  id?: number;
  asset_id: string;
  version: number;
  kind: string;
  actor: string;
  at: string;
  reason: string | null;
  transition_from: string | null;
  transition_to: string | null;
  changes: string;
}

/** The columns `eventToRow` fills (the id is generated). */
export const HISTORY_COLUMNS: readonly (keyof HistoryRow)[] = [
  'asset_id',
  'version',
  'kind',
  'actor',
  'at',
  'reason',
  'transition_from',
  'transition_to',
  'changes',
];

export function assetToRow(asset: Asset): AssetRow {
  const cost = purchaseCostFacts(asset);
  return {
    id: asset.id,
    tag: asset.tag,
    name: asset.name,
    asset_class: asset.assetClass,
    type: asset.type,
    lifecycle_stage: asset.lifecycleStage,
    criticality: asset.criticality,
    data_classification: asset.dataClassification,
    serial_number: asset.serialNumber ?? null,
    owner: asset.owner ?? null,
    search_text: [asset.tag, asset.name, asset.serialNumber ?? ''].join(' ').toLowerCase(),
    data: JSON.stringify(asset),
    version: asset.version,
    created_at: asset.createdAt,
    updated_at: asset.updatedAt,
    purchase_currency: cost?.currency ?? null,
    purchase_date: cost?.date ?? null,
    purchase_cost_minor: cost ? cost.costMinor.toString() : null,
    lifecycle_facts: lifecycleFactBits(asset),
    location: asset.location ?? null,
  };
}

export function rowToAsset(row: Pick<AssetRow, 'data'>): Asset {
  return JSON.parse(row.data) as Asset;
}

export function eventToRow(event: HistoryEvent): HistoryRow {
  return {
    asset_id: event.assetId,
    version: event.version,
    kind: event.kind,
    actor: event.actor,
    at: event.at,
    reason: event.reason ?? null,
    transition_from: event.transition?.from ?? null,
    transition_to: event.transition?.to ?? null,
    changes: JSON.stringify(event.changes),
  };
}

export function rowToEvent(row: HistoryRow): HistoryEvent {
  const event: HistoryEvent = {
    assetId: row.asset_id,
    version: Number(row.version),
    kind: row.kind as HistoryEvent['kind'],
    actor: row.actor,
    at: row.at,
    changes: JSON.parse(row.changes),
  };
  if (row.reason) event.reason = row.reason;
  if (row.transition_from && row.transition_to) {
    event.transition = {
      from: row.transition_from as NonNullable<HistoryEvent['transition']>['from'],
      to: row.transition_to as NonNullable<HistoryEvent['transition']>['to'],
    };
  }
  return event;
}

/** Opaque keyset cursor: the last tag of the previous page. */
export function encodeCursor(tag: string): string {
  return Buffer.from(JSON.stringify({ t: tag }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return typeof parsed?.t === 'string' ? parsed.t : undefined;
  } catch {
    return undefined;
  }
}
