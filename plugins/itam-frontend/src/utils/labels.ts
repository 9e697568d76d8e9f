import type {
  AssetClass,
  Criticality,
  DataClassification,
  EntityLinkRole,
  HistoryEventKind,
  LifecycleStage,
} from '@itam/common';

/** Display names of the asset classes. */
export const ASSET_CLASS_LABELS: Record<AssetClass, string> = {
  hardware: 'Hardware',
  software: 'Software',
  cloud: 'Cloud',
  information: 'Information',
  service: 'Service (SaaS)',
};

/** Display names of the ITIL lifecycle stages. */
export const LIFECYCLE_STAGE_LABELS: Record<LifecycleStage, string> = {
  planned: 'Planned',
  ordered: 'Ordered',
  'in-stock': 'In stock',
  deployed: 'Deployed',
  maintenance: 'Maintenance',
  retired: 'Retired',
  disposed: 'Disposed',
};

/** Display names of the criticality tiers (1 is the most critical). */
export const CRITICALITY_LABELS: Record<Criticality, string> = {
  1: 'Tier 1 (critical)',
  2: 'Tier 2 (high)',
  3: 'Tier 3 (medium)',
  4: 'Tier 4 (low)',
};

/** Display names of the data classifications. */
export const DATA_CLASSIFICATION_LABELS: Record<DataClassification, string> = {
  public: 'Public',
  internal: 'Internal',
  confidential: 'Confidential',
  restricted: 'Restricted',
};

/** How an asset relates to a catalogue entity, as a phrase. */
export const ENTITY_LINK_ROLE_LABELS: Record<EntityLinkRole, string> = {
  'runs-on': 'Runs on',
  uses: 'Uses',
  'stores-data-of': 'Stores data of',
  'licensed-to': 'Licensed to',
};

/** What kind of change a history event records. */
export const HISTORY_EVENT_KIND_LABELS: Record<HistoryEventKind, string> = {
  created: 'Registered',
  updated: 'Updated',
  transitioned: 'Moved',
};

/** Display names of the asset fields, for forms, details and the history. */
export const ASSET_FIELD_LABELS: Record<string, string> = {
  tag: 'Asset tag',
  name: 'Name',
  assetClass: 'Class',
  type: 'Type',
  description: 'Description',
  criticality: 'Criticality',
  dataClassification: 'Data classification',
  serialNumber: 'Serial number',
  externalIds: 'External ids',
  owner: 'Owner',
  custodian: 'Custodian',
  location: 'Location',
  costCentre: 'Cost centre',
  purchase: 'Purchase',
  'purchase.date': 'Purchase date',
  'purchase.cost': 'Purchase cost',
  'purchase.currency': 'Currency',
  'purchase.supplier': 'Supplier',
  'purchase.orderNumber': 'Order number',
  warrantyEnd: 'Warranty end',
  endOfLife: 'End of life',
  endOfSupport: 'End of support',
  sanitisation: 'Sanitisation',
  attributes: 'Attributes',
  lifecycleStage: 'Lifecycle stage',
};

/** The label of a field path, falling back to the path itself. */
export function fieldLabel(path: string): string {
  return ASSET_FIELD_LABELS[path] ?? path;
}
