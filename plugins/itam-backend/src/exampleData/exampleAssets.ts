import type { EntityLink, NewAssetInput, TicketLink } from '@itam/common';

/** One example asset with the links it should have. */
export interface ExampleAsset {
  asset: NewAssetInput;
  entityLinks?: EntityLink[];
  /** Asset links from this asset, by target tag. */
  assetLinks?: { type: 'installed-on' | 'part-of' | 'hosts'; targetTag: string }[];
  tickets?: TicketLink[];
}

const site = 'example.atlassian.net';

/**
 * A small estate behind the example catalogue's payments system: servers past and near their
 * end of life, cloud resources, SaaS, software and a laptop, with incidents and a change.
 */
export const EXAMPLE_ASSETS: ExampleAsset[] = [
  {
    asset: {
      tag: 'SRV-00001',
      name: 'Payments DB primary (Dell R750)',
      assetClass: 'hardware',
      type: 'server',
      criticality: 1,
      dataClassification: 'restricted',
      serialNumber: 'DL-7Q2X91',
      owner: 'group:default/sre',
      custodian: 'user:default/sam',
      location: 'DC-1 rack 12',
      costCentre: 'CC-410',
      lifecycleStage: 'deployed',
      purchase: { date: '2022-04-01', cost: 18450, currency: 'EUR', supplier: 'Dell', orderNumber: 'PO-2022-118' },
      warrantyEnd: '2027-01-15',
      endOfLife: '2028-04-01',
      endOfSupport: '2029-04-01',
      externalIds: [{ source: 'glpi', sourceId: '1001' }],
      attributes: { processors: 2, coresPerProcessor: 16, cpu: 'Intel Xeon Gold 6338' },
    },
    entityLinks: [
      { entityRef: 'resource:default/payments-db', role: 'runs-on' },
      { entityRef: 'component:default/payments-api', role: 'stores-data-of' },
    ],
    tickets: [
      { site, issueKey: 'OPS-101', ticketType: 'incident', summary: 'Disk latency alarms on payments DB', status: 'Done', resolved: true },
      { site, issueKey: 'OPS-131', ticketType: 'incident', summary: 'Payments DB failover triggered', status: 'In Progress', resolved: false },
      { site, issueKey: 'CHG-12', ticketType: 'change', summary: 'Firmware upgrade on payments DB hosts', status: 'Planned', resolved: false },
    ],
  },
  {
    asset: {
      tag: 'SRV-00002',
      name: 'Payments app host (HPE DL380 Gen9)',
      assetClass: 'hardware',
      type: 'server',
      criticality: 1,
      dataClassification: 'confidential',
      serialNumber: 'HP-CZJ5310',
      owner: 'group:default/sre',
      location: 'DC-1 rack 14',
      costCentre: 'CC-410',
      lifecycleStage: 'deployed',
      purchase: { date: '2017-02-10', cost: 9800, currency: 'EUR', supplier: 'HPE' },
      warrantyEnd: '2022-02-10',
      endOfLife: '2025-12-31',
      endOfSupport: '2025-12-31',
      externalIds: [{ source: 'glpi', sourceId: '1002' }],
      attributes: { processors: 2, coresPerProcessor: 12, cpu: 'Intel Xeon E5-2650 v4' },
    },
    entityLinks: [{ entityRef: 'component:default/payments-api', role: 'runs-on' }],
    assetLinks: [{ type: 'hosts', targetTag: 'VM-00010' }],
    tickets: [{ site, issueKey: 'OPS-118', ticketType: 'incident', summary: 'PSU failure on app host', status: 'Done', resolved: true }],
  },
  {
    asset: {
      tag: 'VM-00010',
      name: 'payments-api-1 (VM)',
      assetClass: 'cloud',
      type: 'virtual-machine',
      criticality: 1,
      dataClassification: 'confidential',
      owner: 'group:default/payments-team',
      lifecycleStage: 'deployed',
      externalIds: [{ source: 'vsphere', sourceId: 'vm-4410' }],
      attributes: { vcpus: 8 },
    },
    entityLinks: [{ entityRef: 'component:default/payments-api', role: 'runs-on' }],
  },
  {
    asset: {
      tag: 'CLD-00020',
      name: 'payments-web CDN distribution',
      assetClass: 'cloud',
      type: 'cdn',
      criticality: 2,
      dataClassification: 'public',
      owner: 'group:default/payments-team',
      lifecycleStage: 'deployed',
      externalIds: [{ source: 'aws', sourceId: 'arn:aws:cloudfront::123456789012:distribution/E2EXAMPLE' }],
    },
    entityLinks: [{ entityRef: 'component:default/payments-web', role: 'runs-on' }],
  },
  {
    asset: {
      tag: 'SAAS-00030',
      name: 'Stripe (payments processor subscription)',
      assetClass: 'service',
      type: 'saas',
      criticality: 1,
      dataClassification: 'restricted',
      owner: 'group:default/payments-team',
      lifecycleStage: 'deployed',
      purchase: { date: '2026-01-01', cost: 24000, currency: 'EUR', supplier: 'Stripe' },
      endOfSupport: '2026-12-31',
    },
    entityLinks: [{ entityRef: 'component:default/payments-api', role: 'uses' }],
  },
  {
    asset: {
      tag: 'INF-00040',
      name: 'Cardholder data set',
      assetClass: 'information',
      type: 'dataset',
      criticality: 1,
      dataClassification: 'restricted',
      owner: 'group:default/payments-team',
      lifecycleStage: 'deployed',
    },
    entityLinks: [{ entityRef: 'resource:default/payments-db', role: 'stores-data-of' }],
    assetLinks: [{ type: 'part-of', targetTag: 'SRV-00001' }],
  },
  {
    asset: {
      tag: 'SW-00050',
      name: 'Microsoft SQL Server 2022 Enterprise',
      assetClass: 'software',
      type: 'database-server',
      criticality: 1,
      dataClassification: 'internal',
      owner: 'group:default/sre',
      lifecycleStage: 'deployed',
    },
    assetLinks: [{ type: 'installed-on', targetTag: 'SRV-00001' }],
  },
  {
    asset: {
      tag: 'LAP-00042',
      name: 'ThinkPad T14 (Jane)',
      assetClass: 'hardware',
      type: 'laptop',
      criticality: 4,
      dataClassification: 'confidential',
      serialNumber: 'PF3ABC12',
      owner: 'user:default/jane',
      location: 'Berlin office',
      costCentre: 'CC-220',
      lifecycleStage: 'deployed',
      purchase: { date: '2024-03-31', cost: 1299.99, currency: 'EUR', supplier: 'Lenovo' },
      warrantyEnd: '2027-03-31',
      endOfLife: '2028-03-31',
    },
  },
  {
    asset: {
      tag: 'LAP-00043',
      name: 'MacBook Pro 14 (spare)',
      assetClass: 'hardware',
      type: 'laptop',
      criticality: 4,
      dataClassification: 'internal',
      serialNumber: 'C02XK1ABCD',
      lifecycleStage: 'in-stock',
      location: 'Berlin office store room',
      purchase: { date: '2026-10-02', cost: 2399, currency: 'EUR', supplier: 'Apple' },
      warrantyEnd: '2027-10-02',
    },
  },
  {
    asset: {
      tag: 'NET-00060',
      name: 'Core switch DC-1 (Cisco Nexus 9300)',
      assetClass: 'hardware',
      type: 'network-switch',
      criticality: 2,
      dataClassification: 'internal',
      serialNumber: 'FDO2231X0AB',
      owner: 'group:default/it-ops',
      location: 'DC-1 rack 1',
      lifecycleStage: 'maintenance',
      purchase: { date: '2019-06-01', cost: 14200, currency: 'EUR', supplier: 'Cisco' },
      warrantyEnd: '2024-06-01',
      endOfLife: '2027-01-31',
    },
    entityLinks: [{ entityRef: 'system:default/payments', role: 'runs-on' }],
  },
  {
    asset: {
      tag: 'SRV-00003',
      name: 'Old batch server (retired)',
      assetClass: 'hardware',
      type: 'server',
      criticality: 3,
      dataClassification: 'confidential',
      serialNumber: 'DL-OLD0003',
      owner: 'group:default/it-ops',
      lifecycleStage: 'retired',
      purchase: { date: '2014-05-01', cost: 7200, currency: 'EUR', supplier: 'Dell' },
      endOfLife: '2021-05-01',
    },
  },
  {
    asset: {
      tag: 'PLN-00070',
      name: 'Payments DB replica (planned)',
      assetClass: 'hardware',
      type: 'server',
      criticality: 1,
      dataClassification: 'restricted',
      lifecycleStage: 'planned',
    },
  },
];
